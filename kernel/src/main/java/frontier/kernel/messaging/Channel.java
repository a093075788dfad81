package frontier.kernel.messaging;

/** The request channels a message can arrive on. */
public enum Channel {
    SHELL, CONTROL, STDIN
}
