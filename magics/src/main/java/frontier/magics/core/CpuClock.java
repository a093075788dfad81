package frontier.magics.core;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's CPU time split into user and system time, as IPython's %time reports it. The
 * total comes from the JVM (nanosecond clock); the user/system split from /proc/self/stat
 * (clock ticks) where Linux offers it, else all of it counts as user time.
 */
final class CpuClock {
    /** A reading: user and system seconds. */
    record Reading(double user, double system) {
        double total() {
            return user + system;
        }

        Reading minus(Reading start) {
            return new Reading(Math.max(0, user - start.user), Math.max(0, system - start.system));
        }
    }

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private CpuClock() {
    }

    static Reading now() {
        double total = processCpuSeconds();
        double[] split = procStat();
        if (split == null || total < 0) {
            return new Reading(Math.max(total, 0), 0);
        }
        double tickTotal = split[0] + split[1];
        double systemShare = tickTotal > 0 ? split[1] / tickTotal : 0;
        return new Reading(total * (1 - systemShare), total * systemShare);
    }

    /** A reading over an interval: the total from the JVM clock, the split from ticks spent in it. */
    static Reading between(Reading start, double[] ticksStart, Reading end, double[] ticksEnd) {
        double total = Math.max(0, end.total() - start.total());
        if (ticksStart == null || ticksEnd == null) {
            return new Reading(total, 0);
        }
        double user = ticksEnd[0] - ticksStart[0];
        double system = ticksEnd[1] - ticksStart[1];
        double systemShare = user + system > 0 ? system / (user + system) : 0;
        return new Reading(total * (1 - systemShare), total * systemShare);
    }

    static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long nanos = sun.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1e9;
        }
        return -1;
    }

    /** utime and stime of this process in seconds, or null off Linux. */
    static double[] procStat() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15
            return new double[]{Long.parseLong(fields[11]) / TICKS_PER_SECOND, Long.parseLong(fields[12]) / TICKS_PER_SECOND};
        } catch (Exception e) {
            return null;
        }
    }
}
