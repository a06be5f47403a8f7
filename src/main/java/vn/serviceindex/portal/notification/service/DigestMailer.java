package vn.serviceindex.portal.notification.service;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.serviceindex.portal.base.database.SystemWork;
import vn.serviceindex.portal.base.i18n.Messages;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.notification.domain.Notification;
import vn.serviceindex.portal.notification.service.NotificationRepository.DigestReader;

/**
 * The daily e-mail digest: to each account that asked for one at its address, its unread notifications that no
 * earlier digest carried, in its language, at most once a day (V21's notification_digest; a second run, or a second
 * node, finds the day claimed). Spring Boot provides the mail sender only when {@code spring.mail.host} is set:
 * without it nothing is sent and nothing fails. A digest whose sending fails is not claimed, so the next run tries
 * again.
 */
@Component
class DigestMailer {

    private static final Logger log = LoggerFactory.getLogger(DigestMailer.class);

    private final ObjectProvider<JavaMailSender> mailSenders;
    private final NotificationRepository repository;
    private final NotificationTexts texts;
    private final PortalCalendar calendar;
    private final SystemWork systemWork;
    private final TransactionTemplate transactions;
    private final String from;
    private final String linkBase;

    DigestMailer(ObjectProvider<JavaMailSender> mailSenders, NotificationRepository repository,
                 NotificationTexts texts, PortalCalendar calendar, SystemWork systemWork,
                 PlatformTransactionManager transactionManager,
                 @Value("${portal.notifications.mail-from:no-reply@localhost}") String from,
                 @Value("${portal.notifications.link-base:http://localhost:8080}") String linkBase) {
        this.mailSenders = mailSenders;
        this.repository = repository;
        this.texts = texts;
        this.calendar = calendar;
        this.systemWork = systemWork;
        this.transactions = new TransactionTemplate(transactionManager);
        this.from = from;
        this.linkBase = linkBase.endsWith("/") ? linkBase : linkBase + "/";
    }

    /** Sends today's digests through the configured mail server; none without {@code spring.mail.host}. */
    int sendDigests() {
        JavaMailSender sender = mailSenders.getIfAvailable();
        return sender == null ? 0 : sendDigests(sender);
    }

    /** Sends today's digests through this sender; returns how many went out. */
    int sendDigests(JavaMailSender sender) {
        LocalDate today = calendar.today();
        List<DigestReader> readers = systemWork.run("accounts due a digest", () -> repository.digestReaders(today));
        int sent = 0;
        for (DigestReader reader : readers) {
            try {
                Boolean went = transactions.execute(status -> systemWork.run("an account's digest",
                        () -> sendOne(sender, reader, today)));
                sent += Boolean.TRUE.equals(went) ? 1 : 0;
            } catch (MailException | IllegalStateException e) {
                log.warn("Digest to account {} not sent, tried again next run: {}", reader.accountId(),
                        e.getMessage());
            }
        }
        return sent;
    }

    private boolean sendOne(JavaMailSender sender, DigestReader reader, LocalDate today) {
        List<Notification> unread = repository.undigested(reader.accountId());
        if (unread.isEmpty() || !repository.claimDigest(reader.accountId(), today, calendar.now(), reader.email(),
                unread.size())) {
            return false;
        }
        Locale locale = "en".equals(reader.language()) ? Locale.ENGLISH : Messages.VIETNAMESE;
        StringBuilder body = new StringBuilder(Messages.text("notification.digest.greeting", locale,
                reader.displayName())).append("\n\n");
        for (Notification notification : unread) {
            body.append("• ").append(texts.text(notification, locale)).append(" (")
                    .append(texts.when(notification, locale)).append(")\n  ")
                    .append(linkBase).append(notification.target()).append("\n\n");
        }
        body.append(Messages.text("notification.digest.footer", locale, linkBase + "notifications")).append('\n');
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper mail = new MimeMessageHelper(message, "UTF-8");
            mail.setFrom(from);
            mail.setTo(reader.email());
            mail.setSubject(Messages.text("notification.digest.subject", locale, unread.size()));
            mail.setText(body.toString());
        } catch (MessagingException e) {
            throw new IllegalStateException("digest for account " + reader.accountId() + " not composed", e);
        }
        // Inside the transaction that claims the day: a failure leaves the day unclaimed.
        sender.send(message);
        return true;
    }
}
