package org.openipm.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.openipm.notification.delivery.DeliveryMessages.Message;
import org.openipm.notification.delivery.DeliveryRepository.Claimed;
import org.openipm.notification.delivery.DeliveryRepository.Target;

/**
 * Mails a delivery through the configured SMTP server (Quarkus Mailer): the summary, already in the subscription's
 * language, is the subject; the body adds the link and the alert's ids. The server accepting the mail is a success.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final int MAX_SUBJECT = 150;
    private static final Duration SERVER_ANSWERED = Duration.ofMinutes(1);

    private final Mailer mailer;
    private final DeliveryMessages messages;

    public EmailSender(Mailer mailer, DeliveryMessages messages) {
        this.mailer = mailer;
        this.messages = messages;
    }

    /** A mail turn: one message at a time, each over when the server has taken it or refused it. */
    TurnSender begin(Target target) {
        return new TurnSender() {
            @Override
            public int inFlight() {
                return 1;
            }

            @Override
            public Duration answerTimeout() {
                return SERVER_ANSWERED; // the attempt is over when send returns
            }

            @Override
            public Attempt send(Claimed delivery, Instant at) {
                return Attempt.done(EmailSender.this.send(target, delivery, at));
            }
        };
    }

    Outcome send(Target target, Claimed delivery, Instant at) {
        long start = System.nanoTime();
        Message message = messages.read(delivery.payload());
        String summary = message.summary();
        String subject = "OpenIPM: " + (summary.length() > MAX_SUBJECT ? summary.substring(0, MAX_SUBJECT) + "..."
                : summary);
        StringBuilder text = new StringBuilder(summary).append("\n\n");
        if (message.link() != null) {
            text.append(message.link()).append('\n');
        }
        text.append("alert ").append(message.data().getOrDefault("id", "-")).append(", source event ")
                .append(message.data().getOrDefault("sourceEventId", "-")).append(", sequence ")
                .append(message.sequence()).append('\n');
        try {
            mailer.send(Mail.withText(target.email(), subject, text.toString())
                    .addHeader("X-OpenIPM-Delivery", DeliveryMessages.messageId(delivery.id())));
            return Outcome.sent((System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // The delivery log keeps the attempt; the log line tells operators the server is the trouble (the class only:
            // an SMTP error may quote the address, which is personal data).
            LOG.warnf("Mail of delivery %s not taken by the mail server: %s", delivery.id(), e.getClass().getName());
            return Outcome.unreachable("the mail server did not take it: " + e.getClass().getSimpleName(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
