package org.zcp.webaccess.mail;

/** A name and an e-mail address, as lists, readers and the compose form show them. */
public record Address(String name, String email) {
}
