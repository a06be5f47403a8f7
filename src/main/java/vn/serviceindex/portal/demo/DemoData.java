package vn.serviceindex.portal.demo;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.serviceindex.portal.base.database.SystemWork;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Seeds Gia Lai's 2024 structure (the province, its departments and agencies, its 17 district-level units, and the
 * communes of Đức Cơ and Ia Grai) and the demo accounts, once: a database that already holds province 64 is left
 * alone, so a demo user's edits survive restarts. Only under the {@code demo} profile, never in production.
 */
@Component
@Profile("demo")
@Order(0)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "Demo@2024";
    static final String PROVINCE_CODE = "64";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

    /** Departments and agencies under UBND tỉnh (2024), with the national portal's style of code. */
    static final List<String[]> DEPARTMENTS = List.of(
            new String[] {"H64.01", "Văn phòng UBND tỉnh"},
            new String[] {"H64.02", "Sở Nội vụ"},
            new String[] {"H64.03", "Sở Tư pháp"},
            new String[] {"H64.04", "Sở Kế hoạch và Đầu tư"},
            new String[] {"H64.05", "Sở Tài chính"},
            new String[] {"H64.06", "Sở Công Thương"},
            new String[] {"H64.07", "Sở Nông nghiệp và Phát triển nông thôn"},
            new String[] {"H64.08", "Sở Giao thông-Vận tải"},
            new String[] {"H64.09", "Sở Xây dựng"},
            new String[] {"H64.10", "Sở Tài nguyên và Môi trường"},
            new String[] {"H64.11", "Sở Thông tin và Truyền thông"},
            new String[] {"H64.12", "Sở Lao động-Thương binh và Xã hội"},
            new String[] {"H64.13", "Sở Văn hóa, Thể thao và Du lịch"},
            new String[] {"H64.14", "Sở Khoa học và Công nghệ"},
            new String[] {"H64.15", "Sở Giáo dục và Đào tạo"},
            new String[] {"H64.16", "Sở Y tế"},
            new String[] {"H64.17", "Sở Ngoại vụ"},
            new String[] {"H64.18", "Thanh tra tỉnh"},
            new String[] {"H64.19", "Ban Dân tộc"},
            new String[] {"H64.20", "Ban Quản lý Khu kinh tế tỉnh"},
            new String[] {"H64.21", "Bảo hiểm Xã hội tỉnh"},
            new String[] {"H64.22", "Công an tỉnh"});

    /** The 17 district-level units with the statistics office's codes. */
    static final List<String[]> DISTRICTS = List.of(
            new String[] {"622", "Thành phố Pleiku"}, new String[] {"623", "Thị xã An Khê"},
            new String[] {"624", "Thị xã Ayun Pa"}, new String[] {"625", "Huyện KBang"},
            new String[] {"626", "Huyện Đăk Đoa"}, new String[] {"627", "Huyện Chư Păh"},
            new String[] {"628", "Huyện Ia Grai"}, new String[] {"629", "Huyện Mang Yang"},
            new String[] {"630", "Huyện Kông Chro"}, new String[] {"631", "Huyện Đức Cơ"},
            new String[] {"632", "Huyện Chư Prông"}, new String[] {"633", "Huyện Chư Sê"},
            new String[] {"634", "Huyện Đăk Pơ"}, new String[] {"635", "Huyện Ia Pa"},
            new String[] {"637", "Huyện Krông Pa"}, new String[] {"638", "Huyện Phú Thiện"},
            new String[] {"639", "Huyện Chư Pưh"});

    /** Communes of Đức Cơ (631) and Ia Grai (628); codes are the district's code and a running number. */
    static final List<String[]> COMMUNES = List.of(
            new String[] {"631", "631.01", "Thị trấn Chư Ty"}, new String[] {"631", "631.02", "Xã Ia Dom"},
            new String[] {"631", "631.03", "Xã Ia Dơk"}, new String[] {"631", "631.04", "Xã Ia Din"},
            new String[] {"631", "631.05", "Xã Ia Kla"}, new String[] {"631", "631.06", "Xã Ia Kriêng"},
            new String[] {"631", "631.07", "Xã Ia Lang"}, new String[] {"631", "631.08", "Xã Ia Nan"},
            new String[] {"631", "631.09", "Xã Ia Pnôn"},
            new String[] {"628", "628.01", "Thị trấn Ia Kha"}, new String[] {"628", "628.02", "Xã Ia Grăng"},
            new String[] {"628", "628.03", "Xã Ia Tô"}, new String[] {"628", "628.04", "Xã Ia O"},
            new String[] {"628", "628.05", "Xã Ia Dêr"}, new String[] {"628", "628.06", "Xã Ia Chía"},
            new String[] {"628", "628.07", "Xã Ia Pếch"}, new String[] {"628", "628.08", "Xã Ia Sao"});

    private final SystemWork systemWork;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    DemoData(SystemWork systemWork, JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.systemWork = systemWork;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        systemWork.run("demo seed: units and accounts", this::seed);
    }

    /** Writes across units, before anyone is logged in: system work. */
    private void seed() {
        boolean seeded = jdbc.sql("select count(*) from org_unit where code = :code")
                .param("code", PROVINCE_CODE).query(Integer.class).single() > 0;
        if (seeded) {
            log.info("Demo data already present; leaving it as it is");
            return;
        }
        long province = unit(PROVINCE_CODE, "UBND tỉnh Gia Lai", "PROVINCE", null);
        DEPARTMENTS.forEach(d -> unit(d[0], d[1], "DEPARTMENT", province));
        DISTRICTS.forEach(d -> unit(d[0], d[1], "DISTRICT", province));
        COMMUNES.forEach(c -> unit(c[1], c[2], "COMMUNE", idOf(c[0])));

        // One hash for all: bcrypt is slow on purpose, and six identical passwords need not cost six times.
        String hash = passwordEncoder.encode(PASSWORD);
        account("admin", "Quản trị hệ thống", hash, null, "ADMIN", null, false);
        account("tinh.giamsat", "Văn phòng giám sát tỉnh", hash, province, "PROVINCE_MONITOR", province, true);
        account("kiemtoan", "Kiểm toán viên", hash, province, "AUDITOR", null, true);
        long sgtvt = idOf("H64.08");
        account("sgtvt.lanhdao", "Lãnh đạo Sở GT-VT", hash, sgtvt, "UNIT_EDITOR", sgtvt, false);
        long iaGrai = idOf("628");
        account("iagrai.lanhdao", "Lãnh đạo Huyện Ia Grai", hash, iaGrai, "UNIT_EDITOR", iaGrai, true);
        long iaPnon = idOf("631.09");
        account("iapnon.lanhdao", "Lãnh đạo Xã Ia Pnôn", hash, iaPnon, "UNIT_EDITOR", iaPnon, false);
        log.info("Demo data seeded: Gia Lai 2024 and six accounts (password {})", PASSWORD);
    }

    private long unit(String code, String name, String level, @Nullable Long parent) {
        return jdbc.sql("""
                        insert into org_unit (code, name, level, parent_id, valid_from)
                        values (:code, :name, :level, :parent, :since) returning id""")
                .param("code", code).param("name", name).param("level", level).param("parent", parent)
                .param("since", SINCE)
                .query(Long.class).single();
    }

    private long idOf(String code) {
        return jdbc.sql("select id from org_unit where code = :code and valid_to is null")
                .param("code", code).query(Long.class).single();
    }

    private void account(String username, String displayName, String hash, @Nullable Long homeUnit, String role,
                         @Nullable Long roleUnit, boolean subtree) {
        long id = jdbc.sql("""
                        insert into account (username, display_name, password_hash, home_unit_id)
                        values (:username, :displayName, :hash, :home) returning id""")
                .param("username", username).param("displayName", displayName).param("hash", hash)
                .param("home", homeUnit)
                .query(Long.class).single();
        jdbc.sql("insert into role_assignment (account_id, role, unit_id, include_subtree) values (:a, :r, :u, :s)")
                .param("a", id).param("r", role).param("u", roleUnit).param("s", subtree)
                .update();
    }
}
