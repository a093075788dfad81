package frontier.kernel.messaging;

/** A message header (the wire's snake_case names: msg_id, msg_type, ...). */
public record Header(String msgId, String session, String username, String date, String msgType, String version) {
}
