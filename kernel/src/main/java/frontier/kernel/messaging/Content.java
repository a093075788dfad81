package frontier.kernel.messaging;

/** The content of a message the kernel sends: a record that knows its message type. */
public interface Content {
    /** The msg_type it is sent as. */
    String msgType();
}
