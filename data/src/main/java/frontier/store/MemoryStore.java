package frontier.store;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

/** A store in memory, for tests and scratch arrays. */
public final class MemoryStore implements Store {
    private final ConcurrentSkipListMap<String, byte[]> map = new ConcurrentSkipListMap<>();
    private final StoreStats stats = new StoreStats();

    @Override
    public byte[] get(String key) {
        byte[] v = map.get(key);
        return stats.count(v == null ? null : v.clone());
    }

    @Override
    public byte[] get(String key, ByteRequest bytes) {
        byte[] v = map.get(key);
        if (v == null) return stats.count(null);
        return stats.count(bytes == null ? v.clone() : java.util.Arrays.copyOfRange(v, (int) bytes.start(v.length), (int) Math.max(bytes.start(v.length), bytes.end(v.length))));
    }

    @Override
    public long size(String key) {
        byte[] v = map.get(key);
        return v == null ? -1 : v.length;
    }

    @Override
    public boolean isRemote() {
        return false;
    }

    @Override
    public StoreStats stats() {
        return stats;
    }

    @Override
    public void put(String key, byte[] value) {
        map.put(key, value.clone());
    }

    @Override
    public void delete(String key) {
        map.remove(key);
    }

    @Override
    public List<String> list(String prefix) {
        TreeSet<String> names = new TreeSet<>();
        for (String k : map.tailMap(prefix).keySet()) {
            if (!k.startsWith(prefix)) break;
            String rest = k.substring(prefix.length());
            int slash = rest.indexOf('/');
            names.add(slash < 0 ? rest : rest.substring(0, slash));
        }
        return new ArrayList<>(names);
    }

    @Override
    public boolean isListable() {
        return true;
    }

    @Override
    public String locate(String key) {
        return "memory:/" + key;
    }
}
