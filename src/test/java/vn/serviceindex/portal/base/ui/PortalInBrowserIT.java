package vn.serviceindex.portal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged portal in a real browser (the machine's Chromium, driven by its chromedriver through Selenium), as
 * each demo account uses it, at an office laptop's 1366×900 and a phone's 390×844. One portal (production mode, demo
 * data, a throw-away embedded database under {@code target/browser-it/}) serves every scenario; the scenarios run in
 * order, each building on the one before (Ia Pnôn submits before the province approves). Every page visited is
 * checked for unit names cut off in grid cells and for content wider than the window, and photographed under
 * {@code target/browser-it/screenshots/}. With {@code -Dscreenshots.update=true} the README's pictures in
 * {@code docs/screenshots/} are refreshed from the run. Without Chromium and chromedriver the class is skipped,
 * saying so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PortalInBrowserIT {

    static final Path WORK = Path.of("target", "browser-it").toAbsolutePath();
    static final Path SHOTS = WORK.resolve("screenshots");
    static final Path README_SHOTS = Path.of("docs", "screenshots").toAbsolutePath();
    static final Duration START_UP = Duration.ofMinutes(4);
    static final String PASSWORD = "Demo@2024";
    /** A laptop with the menu open, and a commune clerk's phone. */
    static final List<Dimension> WIDTHS = List.of(new Dimension(1366, 900), new Dimension(390, 844));
    /** The start of every unit name in the demo: the cells that must be readable in full. */
    static final String UNIT_NAME = "^(Sở|Xã|Huyện|Thị xã|Thị trấn|Thành phố|Phường|UBND|Ban|Văn phòng|Thanh tra|Đài) ";
    /** Pictures of the README, by the name of the scenario's screenshot. */
    static final Map<String, String> README_PICTURES = new LinkedHashMap<>();

    static {
        README_PICTURES.put("login-1366", "login.png");
        README_PICTURES.put("workspace-sgtvt.lanhdao-1366", "workspace.png");
        README_PICTURES.put("plan-edited-iapnon-1366", "plan-editor.png");
        README_PICTURES.put("leaderboard-1366", "leaderboard.png");
        README_PICTURES.put("dashboard-1366", "dashboard.png");
        README_PICTURES.put("audit-1366", "change-history.png");
        README_PICTURES.put("result-typed-sgtvt-390", "phone-results.png");
    }

    static Process portal;
    static Path log;
    static String base;
    static WebDriver browser;
    static final long started = System.nanoTime();
    /** Plan pages found on the way, by unit. */
    static final Map<String, String> planAddresses = new LinkedHashMap<>();

    @BeforeAll
    static void startThePortalAndTheBrowser() throws Exception {
        Optional<String> missing = missingBrowser();
        assumeTrue(missing.isEmpty(), () -> "Browser tests skipped: " + missing.orElse(""));
        if (Files.exists(WORK.resolve("data").resolve("postgres").resolve("postmaster.pid"))) {
            stopServer(Long.parseLong(Files.readAllLines(WORK.resolve("data").resolve("postgres")
                    .resolve("postmaster.pid")).getFirst().strip()));
        }
        if (Files.exists(WORK)) {
            try (Stream<Path> files = Files.walk(WORK)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(SHOTS);
        startPortal();
        browser = startBrowser();
        System.out.printf("Browser tests: portal and browser ready after %d ms%n", elapsedMillis());
    }

    @AfterAll
    static void stopEverythingStarted() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (portal != null) {
            List<ProcessHandle> children = portal.descendants().toList();
            portal.destroy(); // an orderly stop stops its PostgreSQL too
            if (!portal.waitFor(60, TimeUnit.SECONDS)) {
                portal.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
            System.out.printf("Browser tests: everything done after %d ms%n", elapsedMillis());
        }
    }

    @Test
    @Order(1)
    void every_demo_account_logs_in_and_sees_its_own_menu() throws Exception {
        Map<String, Menu> accounts = new LinkedHashMap<>();
        accounts.put("admin", new Menu("Quản trị hệ thống", List.of("Quản lý tài khoản", "Lịch sử thay đổi",
                "Bảng điều hành", "Chiến dịch"), List.of()));
        accounts.put("tinh.giamsat", new Menu("Văn phòng giám sát tỉnh", List.of("Bảng điều hành", "Chiến dịch",
                "Bảng xếp hạng"), List.of("Quản lý tài khoản", "Lịch sử thay đổi")));
        accounts.put("kiemtoan", new Menu("Kiểm toán viên", List.of("Lịch sử thay đổi", "Bảng điều hành"),
                List.of("Quản lý tài khoản", "Quản lý đơn vị")));
        for (String editor : List.of("sgtvt.lanhdao", "iagrai.lanhdao", "iapnon.lanhdao")) {
            accounts.put(editor, new Menu(null, List.of("Đơn vị của tôi", "Kết quả", "Bảng xếp hạng",
                    "Tiến độ chỉ tiêu"), List.of("Bảng điều hành", "Lịch sử thay đổi", "Chiến dịch",
                    "Quản lý tài khoản")));
        }
        for (Dimension size : WIDTHS) {
            resize(size);
            open("/login");
            check("login-" + size.width);
            for (var account : accounts.entrySet()) {
                login(account.getKey());
                List<String> menu = texts("vaadin-side-nav-item");
                assertThat(menu).as("menu of %s", account.getKey()).containsAll(account.getValue().shown());
                assertThat(menu).as("menu of %s", account.getKey()).noneMatch(account.getValue().hidden()::contains);
                if (account.getValue().name() != null) {
                    assertThat(text(".header-account")).contains(account.getValue().name());
                }
                assertThat(headerFits()).as("the header of %s at %d px", account.getKey(), size.width).isEmpty();
                check("workspace-" + account.getKey() + "-" + size.width);
                logout();
            }
        }
    }

    @Test
    @Order(2)
    void the_leader_of_so_gtvt_updates_a_task_and_types_a_result() throws Exception {
        Map<Integer, String> tasks = Map.of(1366, "Phối hợp với Bưu điện tỉnh",
                390, "Thành lập tổ hỗ trợ cấp đổi giấy phép");
        Map<Integer, String> rates = Map.of(1366, "61,5", 390, "62,25");
        for (Dimension size : WIDTHS) {
            resize(size);
            login("sgtvt.lanhdao");
            openPlanFromWorkspace("sgtvt");
            click(cellStartingWith(tasks.get(size.width)));
            click(button("Cập nhật tiến độ"));
            WebElement note = await(By.cssSelector("vaadin-dialog vaadin-text-area textarea"));
            note.clear();
            note.sendKeys("Cập nhật trong trình duyệt ở " + size.width + " px");
            click(dialogButton("Lưu"));
            awaitNotification("Đã cập nhật tiến độ");
            assertThat(pageText()).contains("Cập nhật trong trình duyệt ở " + size.width + " px");
            check("plan-task-sgtvt-" + size.width);

            open("/results?period=2024-05");
            WebElement rate = await(By.cssSelector(".result-entry-group vaadin-text-field input"));
            rate.sendKeys(Keys.chord(Keys.CONTROL, "a"), rates.get(size.width), Keys.TAB);
            click(button("Lưu"));
            awaitNotification("Đã lưu kết quả");
            check("result-typed-sgtvt-" + size.width);
            logout();
        }
    }

    @Test
    @Order(3)
    void the_leader_of_ia_pnon_adds_a_phase_changes_a_target_with_a_reason_and_submits() throws Exception {
        for (Dimension size : List.of(WIDTHS.get(1), WIDTHS.get(0))) {
            resize(size);
            login("iapnon.lanhdao");
            openPlanFromWorkspace("iapnon");
            if (!buttons("Rút lại").isEmpty()) {
                click(button("Rút lại")); // submitted at the other width: back to draft
                awaitNotification("Đã rút lại");
            }
            int phases = rows("plan-phases");
            click(button("Thêm giai đoạn"));
            await(By.cssSelector("vaadin-dialog vaadin-date-picker"));
            click(dialogButton("Đồng ý"));
            awaitCondition("a phase more", () -> rows("plan-phases") == phases + 1);

            WebElement target = browser.findElements(By.cssSelector(".target-value input")).getFirst();
            target.sendKeys(Keys.chord(Keys.CONTROL, "a"), size.width == 390 ? "35" : "36");
            awaitCondition("the reason field", () -> !browser.findElements(
                    By.cssSelector(".target-reason:not([hidden]) input")).isEmpty());
            target.sendKeys(Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            assertThat(focused.getDomAttribute("aria-label")).as("Tab leads to the reason")
                    .isEqualTo("Lý do khác đề xuất");
            focused.sendKeys("Xã vùng sâu, hạ tầng mạng còn yếu (" + size.width + " px).");

            WebElement number = input("Số kế hoạch");
            if (number.getDomProperty("value").isBlank()) {
                number.sendKeys("15/KH-UBND");
            }
            WebElement date = input("Ngày ban hành");
            if (date.getDomProperty("value").isBlank()) {
                date.sendKeys("25/03/2024");
            }
            check("plan-edited-iapnon-" + size.width);
            click(button("Gửi tỉnh phê duyệt")); // one click, straight after typing the date
            awaitNotification("Đã gửi kế hoạch để tỉnh phê duyệt");
            assertThat(text(".plan-status")).isEqualTo("Chờ phê duyệt");
            assertThat(notifications()).as("nothing said 'saved' beside the submission")
                    .noneMatch(n -> n.contains("Đã lưu"));
            check("plan-submitted-iapnon-" + size.width);
            logout();
        }
    }

    @Test
    @Order(4)
    void the_province_monitor_approves_with_a_comment() throws Exception {
        for (Dimension size : WIDTHS) {
            resize(size);
            login("tinh.giamsat");
            open("/campaigns");
            // The 2024 campaign (the demo also holds the 2026 one of the merged communes, listed first).
            click(cellStartingWith("Chiến dịch cao điểm 100 ngày đêm"));
            await(By.cssSelector(".plan-counts"));
            check("campaign-plans-" + size.width);
            if (size.width == 390) {
                chooseIn("Trạng thái kế hoạch", "Chờ phê duyệt"); // the units waiting for the province
                click(cellStartingWith("Huyện Ia Grai"));
            } else {
                // Ia Pnôn, far down the list of 56 units: the page its leader submitted from.
                browser.get(planAddresses.get("iapnon"));
                awaitVaadin();
            }
            await(By.cssSelector(".plan-status"));
            assertThat(pageText()).doesNotContain("Muốn sửa, hãy rút lại");
            click(button("Phê duyệt"));
            WebElement comment = await(By.cssSelector("vaadin-dialog vaadin-text-area textarea"));
            comment.sendKeys("Đồng ý; báo cáo tiến độ trước kỳ kiểm tra 50 ngày.");
            click(dialogButton("Phê duyệt"));
            awaitNotification("Đã phê duyệt kế hoạch");
            assertThat(text(".plan-status")).isEqualTo("Đã phê duyệt");
            assertThat(pageText()).contains("Đồng ý; báo cáo tiến độ trước kỳ kiểm tra 50 ngày.");
            check("plan-approved-" + size.width);

            open("/dashboard");
            await(By.cssSelector("vaadin-grid"));
            check("dashboard-" + size.width);
            open("/leaderboards");
            await(By.cssSelector("vaadin-grid"));
            check("leaderboard-" + size.width);
            open("/progress");
            check("progress-" + size.width);
            logout();
        }
    }

    @Test
    @Order(5)
    void the_auditor_finds_these_changes_in_the_history() throws Exception {
        for (Dimension size : WIDTHS) {
            resize(size);
            login("kiemtoan");
            open("/audit");
            // Loosely (the view is being rebuilt): the newest changes, the approvals of Ia Pnôn's and Ia Grai's
            // plans and Ia Pnôn's own, name their units.
            awaitCondition("the history's lines", () -> pageText().contains("Xã Ia Pnôn")
                    || pageText().contains("Huyện Ia Grai"));
            check("audit-" + size.width);
            logout();
        }
    }

    @Test
    @Order(6)
    void an_editor_is_refused_another_units_plan_and_the_history_inside_the_shell() throws Exception {
        for (Dimension size : WIDTHS) {
            resize(size);
            login("iapnon.lanhdao");
            browser.get(planAddresses.get("sgtvt"));
            awaitVaadin();
            assertThat(browser.findElements(By.cssSelector("vaadin-app-layout"))).as("inside the shell").isNotEmpty();
            assertThat(pageText()).doesNotContain("Triển khai thanh toán bằng mã QR");
            check("refused-plan-" + size.width);

            open("/audit");
            assertThat(browser.findElements(By.cssSelector("vaadin-app-layout"))).as("inside the shell").isNotEmpty();
            assertThat(text(".page-not-shown")).contains("Không mở được trang này").contains("/audit")
                    .doesNotContain("Could not navigate");
            check("refused-audit-" + size.width);
            open("/no-such-page");
            assertThat(text(".page-not-shown")).contains("Không mở được trang này");
            logout();
        }
    }

    @Test
    @Order(7)
    void the_language_switch_turns_the_portal_english_and_back() throws Exception {
        for (Dimension size : WIDTHS) {
            resize(size);
            open("/login");
            chooseLanguage("English");
            awaitCondition("the English login page", () -> pageText().contains("Log in"));
            check("login-english-" + size.width);
            fillLogin("iagrai.lanhdao");
            awaitCondition("the English menu", () -> texts("vaadin-side-nav-item").contains("My unit"));
            check("workspace-english-" + size.width);
            chooseLanguage("Tiếng Việt");
            awaitCondition("the Vietnamese menu", () -> texts("vaadin-side-nav-item").contains("Đơn vị của tôi"));
            logout();
        }
    }

    @Test
    @Order(8)
    void a_failed_login_keeps_the_username() throws Exception {
        resize(WIDTHS.getFirst());
        open("/login");
        browser.findElement(By.cssSelector("input[name=username]")).sendKeys("sgtvt.lanhdao");
        browser.findElement(By.cssSelector("input[name=password]")).sendKeys("wrong-password", Keys.ENTER);
        awaitCondition("the login error", () -> browser.getCurrentUrl().contains("error"));
        awaitVaadin();
        awaitCondition("the username kept", () -> "sgtvt.lanhdao".equals(
                browser.findElement(By.cssSelector("input[name=username]")).getDomProperty("value")));
        check("login-failed-1366");
        if (Boolean.getBoolean("screenshots.update")) {
            Files.createDirectories(README_SHOTS);
            for (var picture : README_PICTURES.entrySet()) {
                Path shot = SHOTS.resolve(picture.getKey() + ".png");
                assertThat(shot).as("the scenario that takes %s passed", picture.getValue()).exists();
                Files.copy(shot, README_SHOTS.resolve(picture.getValue()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    // --- what every page must pass

    /** Unit names in full, nothing wider than the window; then a screenshot. */
    static void check(String name) throws IOException {
        awaitVaadin();
        Path shot = SHOTS.resolve(name + ".png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(cutUnitNames()).as("unit names cut off on %s (%s)", name, browser.getCurrentUrl()).isEmpty();
        assertThat(overflowing()).as("content wider than the window on %s (%s)", name, browser.getCurrentUrl())
                .isEmpty();
        assertThat(leaderboardScrollsSideways()).as("leaderboard columns wider than the grid on %s", name).isEmpty();
    }

    /** The leaderboard shows what it shows without a sideways scroll, a phone's few columns included. */
    @SuppressWarnings("unchecked")
    static List<String> leaderboardScrollsSideways() {
        return (List<String>) js("""
                return [...document.querySelectorAll('vaadin-grid.leaderboard-grid')]
                  .map(grid => grid.shadowRoot && grid.shadowRoot.querySelector('#table'))
                  .filter(table => table && table.clientWidth > 0 && table.scrollWidth > table.clientWidth + 1)
                  .map(table => table.scrollWidth + ' > ' + table.clientWidth);
                """);
    }

    @SuppressWarnings("unchecked")
    static List<String> cutUnitNames() {
        return (List<String>) js("""
                const name = new RegExp(arguments[0]);
                return [...document.querySelectorAll('vaadin-grid-cell-content')]
                  .filter(cell => cell.clientWidth > 0 && name.test(cell.textContent.trim()))
                  .filter(cell => cell.scrollWidth > cell.clientWidth + 1)
                  .map(cell => cell.textContent.trim() + ' (' + cell.scrollWidth + ' > ' + cell.clientWidth + ')');
                """, UNIT_NAME);
    }

    /** Elements reaching past the window's right edge, outside any container that scrolls or clips them. */
    @SuppressWarnings("unchecked")
    static List<String> overflowing() {
        return (List<String>) js("""
                const width = document.documentElement.clientWidth;
                const clipped = element => {
                  for (let parent = element.parentElement; parent && parent !== document.body;
                       parent = parent.parentElement) {
                    if (parent.tagName === 'VAADIN-GRID') return true;
                    // A container that scrolls or clips shows its own overflow, checked as an element itself.
                    if (getComputedStyle(parent).overflowX !== 'visible') return true;
                  }
                  return false;
                };
                const found = [...document.body.querySelectorAll('*')].filter(element => {
                  const box = element.getBoundingClientRect();
                  return box.width > 0 && box.height > 0 && box.right > width + 1 && !clipped(element)
                    && getComputedStyle(element).visibility !== 'hidden';
                }).map(element => element.tagName.toLowerCase() + '.' + [...element.classList].join('.')
                  + ' right ' + Math.round(element.getBoundingClientRect().right) + ' > ' + width
                  + ': ' + (element.textContent || '').trim().slice(0, 60));
                if (document.documentElement.scrollWidth > width + 1) {
                  found.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
                }
                return found.slice(0, 10);
                """);
    }

    /** The header's items, when one of them is cut off or lies beyond the window. */
    @SuppressWarnings("unchecked")
    static List<String> headerFits() {
        return (List<String>) js("""
                const width = document.documentElement.clientWidth;
                return [...document.querySelectorAll('.app-header > *')].filter(item => {
                  const box = item.getBoundingClientRect();
                  return box.width > 0 && (box.right > width + 1 || box.height > 60);
                }).map(item => item.tagName.toLowerCase() + '.' + item.className + ' ' + JSON.stringify(
                  item.getBoundingClientRect()));
                """);
    }

    // --- the portal's screens, as a user works them

    record Menu(String name, List<String> shown, List<String> hidden) {
    }

    static void login(String username) {
        open("/login");
        fillLogin(username);
        awaitCondition("the shell after login of " + username,
                () -> !browser.findElements(By.cssSelector("vaadin-app-layout")).isEmpty());
        awaitVaadin();
    }

    static void fillLogin(String username) {
        WebElement name = await(By.cssSelector("input[name=username]"));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), username);
        browser.findElement(By.cssSelector("input[name=password]")).sendKeys(PASSWORD, Keys.ENTER);
    }

    static void logout() {
        browser.manage().deleteAllCookies();
    }

    static void openPlanFromWorkspace(String unit) {
        open("/");
        click(button("Mở kế hoạch"));
        await(By.cssSelector(".plan-status"));
        planAddresses.putIfAbsent(unit, browser.getCurrentUrl());
    }

    static void chooseLanguage(String language) {
        chooseIn(By.cssSelector("vaadin-select.language-switch"), language);
    }

    static void chooseIn(String label, String item) {
        js("""
                [...document.querySelectorAll('vaadin-select')].filter(s => s.label === arguments[0])
                  .forEach(s => s.classList.add('chosen-by-test'));""", label);
        chooseIn(By.cssSelector("vaadin-select.chosen-by-test"), item);
    }

    /** Opens the select and picks the item; again if the first click fell while the list was still opening. */
    static void chooseIn(By select, String item) {
        By option = By.xpath("//vaadin-select-item[normalize-space()='" + item + "' and not(ancestor::"
                + "vaadin-select-value-button)]");
        for (int attempt = 0; attempt < 3; attempt++) {
            click(await(select));
            WebElement choice = await(option);
            try {
                Thread.sleep(300); // the list's opening animation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            choice.click();
            awaitVaadin();
            if (Boolean.TRUE.equals(js("return !document.querySelector('vaadin-select[opened]');"))) {
                return;
            }
        }
    }

    static void open(String path) {
        browser.get(base + path);
        awaitVaadin();
    }

    static void resize(Dimension size) {
        browser.manage().window().setSize(size);
        // The window's inner size is what a page sees: make it the asked size, whatever the browser's frame.
        long innerWidth = (Long) js("return window.innerWidth;");
        long innerHeight = (Long) js("return window.innerHeight;");
        browser.manage().window().setSize(new Dimension(size.width + (size.width - (int) innerWidth),
                size.height + (size.height - (int) innerHeight)));
    }

    static By button(String label) {
        return By.xpath("//vaadin-button[normalize-space()='" + label + "' and not(@hidden)]");
    }

    static List<WebElement> buttons(String label) {
        return browser.findElements(button(label)).stream().filter(WebElement::isDisplayed).toList();
    }

    static By dialogButton(String label) {
        return By.xpath("//vaadin-dialog//vaadin-button[normalize-space()='" + label + "']");
    }

    static By cellStartingWith(String text) {
        return By.xpath("//vaadin-grid-cell-content[starts-with(normalize-space(), '" + text + "')]");
    }

    /** The input of the text field or date picker with this label. */
    static WebElement input(String label) {
        awaitCondition("the field " + label, () -> js(FIELD_INPUT, label) != null);
        return (WebElement) js(FIELD_INPUT, label);
    }

    static final String FIELD_INPUT = """
            const field = [...document.querySelectorAll('vaadin-text-field, vaadin-date-picker')]
              .find(f => f.label === arguments[0] && f.offsetParent !== null);
            return field ? field.querySelector('input') : null;
            """;

    /** Rows of the grid with the given class, or of the phases' grid. */
    static int rows(String kind) {
        return ((Long) js("""
                const grids = [...document.querySelectorAll('vaadin-grid')];
                const grid = grids.find(g => g.classList.contains(arguments[0])) || grids[0];
                return grid ? grid.size || 0 : 0;
                """, kind)).intValue();
    }

    static void click(By locator) {
        click(await(locator));
    }

    static void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        awaitVaadin();
    }

    static WebElement await(By locator) {
        awaitCondition(locator.toString(), () -> browser.findElements(locator).stream().anyMatch(WebElement::isDisplayed));
        return browser.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
    }

    static void awaitNotification(String start) {
        awaitCondition("a notification " + start, () -> notifications().stream().anyMatch(n -> n.contains(start)));
    }

    @SuppressWarnings("unchecked")
    static List<String> notifications() {
        return (List<String>) js("return [...document.querySelectorAll('vaadin-notification-card')]"
                + ".map(card => card.textContent.trim());");
    }

    static String text(String css) {
        return await(By.cssSelector(css)).getText().strip();
    }

    @SuppressWarnings("unchecked")
    static List<String> texts(String css) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])]"
                + ".map(e => e.textContent.trim());", css);
    }

    static String pageText() {
        return (String) js("return document.body.innerText + ' ' + [...document.querySelectorAll("
                + "'vaadin-grid-cell-content')].map(c => c.textContent).join(' ');");
    }

    static void awaitVaadin() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> Boolean.TRUE.equals(js("""
                if (document.readyState !== 'complete') return false;
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (!flow || !flow.clients) return true;
                return Object.values(flow.clients).every(client => !client.isActive || !client.isActive());
                """)));
    }

    static void awaitCondition(String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(RuntimeException.class)
                    .until(driver -> condition.getAsBoolean());
        } catch (RuntimeException timeout) {
            try {
                Files.write(SHOTS.resolve("failed-" + System.currentTimeMillis() + ".png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } catch (IOException | RuntimeException ignored) {
                // the screenshot only helps to see why
            }
            fail("waited 30 s for " + what + " on " + browser.getCurrentUrl() + "; notifications "
                    + notifications());
        }
    }

    static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    // --- the browser and the portal as processes

    /** Why no browser test can run here, or empty when Chromium and its driver are installed. */
    static Optional<String> missingBrowser() {
        if (chromium().isEmpty()) {
            return Optional.of("no Chromium found (install the Debian packages chromium and chromium-driver)");
        }
        if (chromedriver().isEmpty()) {
            return Optional.of("no chromedriver found (install the Debian package chromium-driver)");
        }
        return Optional.empty();
    }

    static Optional<Path> chromium() {
        return Stream.of(System.getProperty("browser.binary", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(p -> !p.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    static Optional<Path> chromedriver() {
        return Stream.of(System.getProperty("browser.driver", ""), "/usr/bin/chromedriver")
                .filter(p -> !p.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    static WebDriver startBrowser() throws IOException {
        Path profile = Files.createDirectories(WORK.resolve("chromium-profile"));
        var options = new ChromeOptions();
        options.setBinary(chromium().orElseThrow().toFile());
        // Root in a container: no sandbox; a fresh profile; nothing fetched from the network but the portal.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=vi-VN", "--user-data-dir=" + profile,
                "--window-size=1366,900", "--hide-scrollbars");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver().orElseThrow().toFile())
                .usingAnyFreePort().withLogFile(WORK.resolve("chromedriver.log").toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    static void startPortal() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches("service-index-portal-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no packaged jar in target/"));
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = WORK.resolve("portal.log");
        portal = new ProcessBuilder(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toAbsolutePath().toString(), "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--portal.embedded-database.data-directory=" + WORK.resolve("data").resolve("postgres"))
                .directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_UP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!portal.isAlive()) {
                fail("the portal ended before serving the login page:\n" + Files.readString(log,
                        StandardCharsets.UTF_8));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("no login page within " + START_UP);
    }

    static void stopServer(long pid) throws IOException, InterruptedException {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return;
        }
        new ProcessBuilder("kill", "-s", "INT", Long.toString(pid)).start().waitFor();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    static long elapsedMillis() {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
