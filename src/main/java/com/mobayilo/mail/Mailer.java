package com.mobayilo.mail;

import com.mobayilo.jobs.Jobs;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Sends mail through the job queue, so a mail leaves exactly when the change that caused it is committed,
 * and an SMTP hiccup is retried instead of failing the user's request.
 */
@Component
public class Mailer {

    static final String JOB_TYPE = "mail.send";

    private final Jobs jobs;

    Mailer(Jobs jobs) {
        this.jobs = jobs;
    }

    public Mono<Void> send(Mail mail) {
        return jobs.enqueue(JOB_TYPE, mail);
    }
}
