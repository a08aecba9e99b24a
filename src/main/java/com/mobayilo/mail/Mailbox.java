package com.mobayilo.mail;

import java.util.List;

/** The mail the sandbox SMTP server received, newest first. Exists only in full sandbox mode. */
public interface Mailbox {

    List<ReceivedMail> messages();
}
