package vn.serviceindex.portal.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.serviceindex.portal.base.database.SystemWork;
import org.springframework.stereotype.Component;

/**
 * Seeds Gia Lai's 2024 campaign (Kế hoạch 629/KH-UBND) over the whole province, the 2023 baselines of Sở GT-VT,
 * Huyện Ia Grai and Xã Ia Pnôn (domain reference §3), Sở GT-VT's approved plan 696/KH-SGTVT, Ia Grai's submitted
 * plan and Ia Pnôn's draft. Runs after {@link DemoData}; skipped when the province already has a campaign.
 */
@Component
@Profile("demo")
@Order(1)
class DemoCampaign implements ApplicationRunner {

    static final String CAMPAIGN_NAME = "Chiến dịch cao điểm 100 ngày đêm: Nâng cao hiệu quả sử dụng dịch vụ công";
    private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final List<String> GROUPS = List.of("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH");

    private final SystemWork systemWork;
    private final JdbcClient jdbc;

    DemoCampaign(SystemWork systemWork, JdbcClient jdbc) {
        this.systemWork = systemWork;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        systemWork.run("demo seed: campaign", this::seed);
    }

    /** Writes across units, before anyone is logged in: system work. */
    private void seed() {
        Long province = jdbc.sql("select id from org_unit where code = :code and valid_to is null")
                .param("code", DemoData.PROVINCE_CODE).query(Long.class).optional().orElse(null);
        if (province == null) {
            return;
        }
        boolean seeded = jdbc.sql("select count(*) from campaign where province_id = :p")
                .param("p", province).query(Integer.class).single() > 0;
        if (seeded) {
            log.info("Demo campaign already present; leaving it as it is");
            return;
        }
        long campaign = jdbc.sql("""
                        insert into campaign (province_id, name, reference_number, reference_date, start_date,
                                              end_date, whole_province)
                        values (:p, :name, 'Kế hoạch 629/KH-UBND', date '2024-03-19', date '2024-03-22',
                                date '2024-06-30', true)
                        returning id""")
                .param("p", province).param("name", CAMPAIGN_NAME).query(Long.class).single();
        milestone(jdbc, campaign, "Kiểm tra sau 50 ngày", LocalDate.of(2024, 5, 10));
        milestone(jdbc, campaign, "Kiểm tra sau 100 ngày", LocalDate.of(2024, 6, 29));
        provinceRules(jdbc, campaign);
        jdbc.sql("""
                        insert into campaign_unit (campaign_id, unit_id)
                        select :c, u.id from org_unit u join org_unit p on p.id = :p
                        where u.path like p.path || '%' and u.id <> p.id and u.valid_to is null
                        order by u.id""")
                .param("c", campaign).param("p", province).update();

        // 2023 results (domain reference §3); Sở GT-VT's digitisation was not published with the others.
        long sgtvt = unitId("H64.08");
        long iaGrai = unitId("628");
        long iaPnon = unitId("631.09");
        baselines(campaign, sgtvt, Map.of("CKMB", 13.2, "TDGQ", 92.12, "CLGQ", 40.3, "TTTT", 67.37, "MDHL", 100.0));
        baselines(campaign, iaGrai, Map.of("CKMB", 90.1, "TDGQ", 81.6, "CLGQ", 0.3, "TTTT", 0.0, "MDHL", 96.8,
                "MDSH", 21.1));
        baselines(campaign, iaPnon, Map.of("CKMB", 98.8, "TDGQ", 92.98, "CLGQ", 0.5, "TTTT", 0.0, "MDHL", 100.0,
                "MDSH", 20.2));

        seedSgtvt(campaign, sgtvt);
        seedIaGrai(campaign, iaGrai);
        seedIaPnon(campaign, iaPnon);
        log.info("Demo campaign seeded: Kế hoạch 629/KH-UBND with the plans of Sở GT-VT, Ia Grai and Ia Pnôn");
    }

    /** Kế hoạch 696/KH-SGTVT of 21-03-2024, approved: two phases, the targets of the plan, three tasks. */
    private void seedSgtvt(long campaign, long unit) {
        long plan = plan(campaign, unit, "696/KH-SGTVT", LocalDate.of(2024, 3, 21),
                "Kế hoạch thực hiện Chiến dịch cao điểm 100 ngày đêm nâng cao hiệu quả sử dụng dịch vụ công",
                "Đẩy mạnh tiếp nhận hồ sơ trực tuyến và thanh toán trực tuyến trong lĩnh vực giao thông vận tải; "
                        + "100 % thủ tục được công khai, giải quyết đúng hạn.");
        long first = phase(plan, unit, 1, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 5, 1));
        long second = phase(plan, unit, 2, "Giai đoạn 2", LocalDate.of(2024, 5, 2), LocalDate.of(2024, 6, 30));
        for (String group : List.of("CKMB", "TDGQ", "MDHL", "MDSH")) {
            target(plan, unit, first, group, 100.0, 100, null);
            target(plan, unit, second, group, 100.0, 100, null);
        }
        // The rule proposes 50,15 for phase 1 (40,3 → 60 in two steps); the plan sets the central target itself.
        target(plan, unit, first, "CLGQ", 50.15, 50,
                "Theo Kế hoạch 696/KH-SGTVT: giai đoạn 1 đạt chỉ tiêu Trung ương giao (50 %).");
        target(plan, unit, second, "CLGQ", 60.0, 60, null);
        target(plan, unit, first, "TTTT", 72.37, 72.37, null);
        target(plan, unit, second, "TTTT", 77.37, 77.37, null);
        task(plan, unit, 1, "Triển khai thanh toán bằng mã QR tại Bộ phận Một cửa",
                "Văn phòng Sở (Bộ phận Một cửa)", LocalDate.of(2024, 4, 15), "DONE",
                "Đã niêm yết mã QR tại quầy từ 10/04/2024.");
        task(plan, unit, 2, "Thành lập tổ hỗ trợ cấp đổi giấy phép lái xe trực tuyến",
                "Phòng Quản lý phương tiện và người lái", LocalDate.of(2024, 5, 31), "IN_PROGRESS",
                "Lệ phí cấp đổi trực tuyến 115.000 đồng (giảm từ 135.000 đồng) đến 31/12/2025.");
        task(plan, unit, 3, "Phối hợp với Bưu điện tỉnh hướng dẫn người dân nộp hồ sơ trực tuyến",
                "Văn phòng Sở; Bưu điện tỉnh Gia Lai", LocalDate.of(2024, 4, 30), "IN_PROGRESS",
                "Đã thống nhất nội dung hướng dẫn; chưa tổ chức tại các điểm bưu điện huyện.");
        transition(plan, unit, "SUBMIT", "DRAFT", "SUBMITTED", "sgtvt.lanhdao",
                OffsetDateTime.of(2024, 3, 21, 16, 30, 0, 0, VIETNAM), "");
        transition(plan, unit, "APPROVE", "SUBMITTED", "APPROVED", "tinh.giamsat",
                OffsetDateTime.of(2024, 3, 25, 9, 0, 0, 0, VIETNAM), "");
        status(plan, "APPROVED", 2);
    }

    /** Submitted, three phases: the rule's proposals step from the 2023 results in three equal steps. */
    private void seedIaGrai(long campaign, long unit) {
        long plan = plan(campaign, unit, "85/KH-UBND", LocalDate.of(2024, 3, 27),
                "Kế hoạch thực hiện Chiến dịch cao điểm 100 ngày đêm trên địa bàn huyện Ia Grai",
                "Nâng tỷ lệ hồ sơ trực tuyến và thanh toán trực tuyến tại huyện và 8 xã, thị trấn.");
        long[] phases = {
                phase(plan, unit, 1, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 4, 30)),
                phase(plan, unit, 2, "Giai đoạn 2", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31)),
                phase(plan, unit, 3, "Giai đoạn 3", LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30))};
        double[] online = {20.2, 40.1, 60};
        double[] payment = {20, 40, 60};
        for (int i = 0; i < phases.length; i++) {
            for (String group : List.of("CKMB", "TDGQ", "MDHL", "MDSH")) {
                target(plan, unit, phases[i], group, 100.0, 100, null);
            }
            target(plan, unit, phases[i], "CLGQ", online[i], online[i], null);
            target(plan, unit, phases[i], "TTTT", payment[i], payment[i], null);
        }
        task(plan, unit, 1, "Tập huấn cán bộ một cửa cấp xã về tiếp nhận hồ sơ trực tuyến",
                "Văn phòng HĐND và UBND huyện", LocalDate.of(2024, 4, 20), "DONE", "");
        task(plan, unit, 2, "Tổ công nghệ số cộng đồng hướng dẫn người dân tại thôn, làng",
                "UBND các xã, thị trấn", LocalDate.of(2024, 6, 15), "IN_PROGRESS", "");
        transition(plan, unit, "SUBMIT", "DRAFT", "SUBMITTED", "iagrai.lanhdao",
                OffsetDateTime.of(2024, 3, 28, 10, 15, 0, 0, VIETNAM), "");
        status(plan, "SUBMITTED", 1);
    }

    /** A draft without its number yet: one phase over the whole campaign, the rule's targets, one task. */
    private void seedIaPnon(long campaign, long unit) {
        long plan = plan(campaign, unit, null, null,
                "Kế hoạch thực hiện Chiến dịch cao điểm 100 ngày đêm tại xã Ia Pnôn", "");
        long only = phase(plan, unit, 1, "Giai đoạn 1", LocalDate.of(2024, 3, 22), LocalDate.of(2024, 6, 30));
        for (String group : List.of("CKMB", "TDGQ", "MDHL", "MDSH")) {
            target(plan, unit, only, group, 100.0, 100, null);
        }
        target(plan, unit, only, "CLGQ", 60.0, 60, null);
        target(plan, unit, only, "TTTT", 60.0, 60, null);
        task(plan, unit, 1, "Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa xã",
                "Công chức Văn phòng - Thống kê xã", LocalDate.of(2024, 4, 30), "NOT_STARTED", "");
    }

    private long unitId(String code) {
        return jdbc.sql("select id from org_unit where code = :code and valid_to is null")
                .param("code", code).query(Long.class).single();
    }

    /** A milestone check of a demo campaign; shared with the 2026 campaign of the merged communes. */
    static void milestone(JdbcClient jdbc, long campaign, String name, LocalDate date) {
        jdbc.sql("insert into campaign_milestone (campaign_id, name, due_date) values (:c, :n, :d)")
                .param("c", campaign).param("n", name).param("d", date).update();
    }

    /**
     * Gia Lai's target rules, for its demo campaigns: online services and online payment by the province's rule,
     * C = 50 % (the central target for 2024), +10 points, capped at 100 %; the other groups a fixed 100 %.
     */
    static void provinceRules(JdbcClient jdbc, long campaign) {
        for (String group : GROUPS) {
            if (group.equals("CLGQ") || group.equals("TTTT")) {
                jdbc.sql("""
                                insert into campaign_group_rule (campaign_id, group_code, kind, central_target,
                                                                 increment, increment_mode)
                                values (:c, :g, 'RULE', 50, 10, 'POINTS')""")
                        .param("c", campaign).param("g", group).update();
            } else {
                jdbc.sql("""
                                insert into campaign_group_rule (campaign_id, group_code, kind, fixed_target)
                                values (:c, :g, 'FIXED', 100)""")
                        .param("c", campaign).param("g", group).update();
            }
        }
    }

    private void baselines(long campaign, long unit, Map<String, Double> values) {
        values.forEach((group, value) -> jdbc.sql("""
                        insert into campaign_baseline (campaign_id, unit_id, group_code, value, source)
                        values (:c, :u, :g, :v, 'TYPED')""")
                .param("c", campaign).param("u", unit).param("g", group).param("v", BigDecimal.valueOf(value))
                .update());
    }

    private long plan(long campaign, long unit, @Nullable String number, @Nullable LocalDate date, String title,
                      String summary) {
        return jdbc.sql("""
                        insert into unit_plan (campaign_id, unit_id, number, plan_date, title, summary)
                        values (:c, :u, :number, :date, :title, :summary) returning id""")
                .param("c", campaign).param("u", unit).param("number", number).param("date", date)
                .param("title", title).param("summary", summary)
                .query(Long.class).single();
    }

    private long phase(long plan, long unit, int position, String name, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                        insert into plan_phase (plan_id, unit_id, position, name, start_date, end_date)
                        values (:p, :u, :pos, :name, :start, :end) returning id""")
                .param("p", plan).param("u", unit).param("pos", position).param("name", name)
                .param("start", start).param("end", end)
                .query(Long.class).single();
    }

    private void target(long plan, long unit, long phase, String group, double proposed, double target,
                        @Nullable String reason) {
        jdbc.sql("""
                        insert into plan_target (plan_id, unit_id, phase_id, group_code, proposed, target, reason)
                        values (:p, :u, :phase, :g, :proposed, :target, :reason)""")
                .param("p", plan).param("u", unit).param("phase", phase).param("g", group)
                .param("proposed", BigDecimal.valueOf(proposed)).param("target", BigDecimal.valueOf(target))
                .param("reason", reason)
                .update();
    }

    private void task(long plan, long unit, int position, String title, String responsible, LocalDate due,
                      String status, String note) {
        jdbc.sql("""
                        insert into plan_task (plan_id, unit_id, position, title, responsible, due_date, status,
                                               progress_note)
                        values (:p, :u, :pos, :title, :responsible, :due, :status, :note)""")
                .param("p", plan).param("u", unit).param("pos", position).param("title", title)
                .param("responsible", responsible).param("due", due).param("status", status).param("note", note)
                .update();
    }

    private void transition(long plan, long unit, String action, String from, String to, String username,
                            OffsetDateTime at, String comment) {
        jdbc.sql("""
                        insert into plan_transition (plan_id, unit_id, action, from_status, to_status, actor_id,
                                                     actor_name, at, comment)
                        select :p, :u, :action, :from, :to, a.id, a.display_name, :at, :comment
                        from account a where a.username = :username""")
                .param("p", plan).param("u", unit).param("action", action).param("from", from).param("to", to)
                .param("username", username).param("at", at).param("comment", comment)
                .update();
    }

    /** Last, once the content is in: a submitted or approved plan is locked against content changes. */
    private void status(long plan, String status, int version) {
        jdbc.sql("update unit_plan set status = :s, version = :v where id = :p")
                .param("s", status).param("v", version).param("p", plan).update();
    }
}
