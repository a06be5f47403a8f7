package vn.serviceindex.portal.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.serviceindex.portal.ServiceTest;
import vn.serviceindex.portal.base.time.PortalCalendar;
import vn.serviceindex.portal.campaign.domain.PlanAction;
import vn.serviceindex.portal.campaign.domain.UnitPlan;
import vn.serviceindex.portal.campaign.service.PlanService;

/**
 * The daily e-mail digest against an in-process SMTP server (GreenMail on a free port; never a real server): once a
 * day per account, in its language, with what no earlier digest carried; nothing at all without a mail server.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DigestMailTest extends ServiceTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    DigestMailer digests;
    @Autowired
    NotificationJobs jobs;
    @Autowired
    NotificationService notifications;
    @Autowired
    PlanService plans;
    @Autowired
    PortalCalendar calendar;

    JavaMailSenderImpl mail;

    @BeforeEach
    void mailServer() {
        mail = sender(smtp.getSmtp().getPort());
    }

    @Test
    void each_account_gets_one_digest_a_day_in_its_language_with_its_unread_notifications() throws Exception {
        jdbc.sql("update account set language = 'en' where username = 'sgtvt.lanhdao'").update();
        chooseDigest("iagrai.lanhdao", "lanhdao@iagrai.gialai.gov.vn");
        chooseDigest("sgtvt.lanhdao", "lanhdao@sgtvt.gialai.gov.vn");
        chooseDigest("iapnon.lanhdao", "lanhdao@iapnon.gialai.gov.vn");
        returnAndApproveIaGraisPlan();
        reopenSgtvtsPlan();

        assertThat(digests.sendDigests(mail)).isEqualTo(2);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage iaGrai = to(received, "lanhdao@iagrai.gialai.gov.vn");
        assertThat(iaGrai.getSubject()).isEqualTo("Cổng Bộ chỉ số: 2 thông báo chưa đọc");
        String vietnamese = (String) iaGrai.getContent();
        assertThat(vietnamese).startsWith("Kính gửi Lãnh đạo Huyện Ia Grai,")
                .contains("bị trả lại: Bổ sung.", "đã được duyệt.",
                        "http://localhost:8080/campaigns/" + campaignId() + "/plans/" + unitId("628"))
                .contains("Xem và chọn loại thông báo muốn nhận: http://localhost:8080/notifications");
        MimeMessage sgtvt = to(received, "lanhdao@sgtvt.gialai.gov.vn");
        assertThat(sgtvt.getSubject()).isEqualTo("Service index portal: 1 unread notifications");
        assertThat((String) sgtvt.getContent()).startsWith("Dear Lãnh đạo Sở GT-VT,")
                .contains("was reopened for changes: Điều chỉnh.");
        assertThat(count("select count(*) from notification_digest where digest_day = '2024-05-02'")).isEqualTo(2);

        assertThat(digests.sendDigests(mail)).as("the same day again").isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void the_next_days_digest_carries_only_what_came_since_and_none_goes_without_news() throws Exception {
        chooseDigest("iagrai.lanhdao", "lanhdao@iagrai.gialai.gov.vn");
        returnAndApproveIaGraisPlan();
        assertThat(digests.sendDigests(mail)).isEqualTo(1);

        try (var day = calendar.pin(LocalDate.of(2024, 5, 3))) {
            assertThat(digests.sendDigests(mail)).as("nothing new since").isZero();
            actAs("tinh.giamsat");
            UnitPlan plan = plans.planOf(campaignId(), unitId("628")).orElseThrow();
            plans.act(plan.id(), plan.version(), PlanAction.REOPEN, "Điều chỉnh chỉ tiêu.");
            actAsNobody();

            assertThat(digests.sendDigests(mail)).isEqualTo(1);
        }
        MimeMessage second = smtp.getReceivedMessages()[1];
        assertThat(second.getSubject()).isEqualTo("Cổng Bộ chỉ số: 1 thông báo chưa đọc");
        assertThat((String) second.getContent()).contains("được mở lại để sửa: Điều chỉnh chỉ tiêu.")
                .doesNotContain("bị trả lại");
    }

    @Test
    void read_notifications_and_accounts_without_the_digest_get_no_mail() {
        chooseDigest("iagrai.lanhdao", "lanhdao@iagrai.gialai.gov.vn");
        returnAndApproveIaGraisPlan();
        actAs("iagrai.lanhdao");
        notifications.markAllRead();
        reopenSgtvtsPlan();
        actAsNobody();

        assertThat(digests.sendDigests(mail)).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_digest_the_server_refuses_is_not_counted_as_sent_and_goes_out_on_the_next_run() throws IOException {
        chooseDigest("iagrai.lanhdao", "lanhdao@iagrai.gialai.gov.vn");
        returnAndApproveIaGraisPlan();
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThat(digests.sendDigests(sender(closedPort))).isZero();
        assertThat(count("select count(*) from notification_digest")).isZero();

        assertThat(digests.sendDigests(mail)).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void without_a_mail_server_nothing_is_sent_and_nothing_fails() {
        chooseDigest("iagrai.lanhdao", "lanhdao@iagrai.gialai.gov.vn");
        returnAndApproveIaGraisPlan();

        assertThat(jobs.sendDigests()).isZero();

        assertThat(count("select count(*) from notification_digest")).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static JavaMailSenderImpl sender(int port) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return sender;
    }

    private static MimeMessage to(MimeMessage[] messages, String address) {
        return Arrays.stream(messages).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
    }

    private void chooseDigest(String username, String address) {
        actAs(username);
        notifications.saveChoices(Set.of(), true, address);
        actAsNobody();
    }

    private void returnAndApproveIaGraisPlan() {
        actAs("tinh.giamsat");
        UnitPlan plan = plans.planOf(campaignId(), unitId("628")).orElseThrow();
        plan = plans.act(plan.id(), plan.version(), PlanAction.RETURN, "Bổ sung.");
        actAs("iagrai.lanhdao");
        plan = plans.act(plan.id(), plan.version(), PlanAction.SUBMIT, "");
        actAs("tinh.giamsat");
        plans.act(plan.id(), plan.version(), PlanAction.APPROVE, "");
        actAsNobody();
    }

    private void reopenSgtvtsPlan() {
        actAs("tinh.giamsat");
        UnitPlan plan = plans.planOf(campaignId(), unitId("H64.08")).orElseThrow();
        plans.act(plan.id(), plan.version(), PlanAction.REOPEN, "Điều chỉnh.");
        actAsNobody();
    }

    private long campaignId() {
        return jdbc.sql("select id from campaign").query(Long.class).single();
    }
}
