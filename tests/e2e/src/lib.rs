//! Harness for the DealDesk end-to-end tests (testing tier 4 in docs/DESIGN).
//!
//! Every test drives the real app binary through WebDriver: the test talks to `tauri-driver`
//! (127.0.0.1:4444), which starts `WebKitWebDriver`, which launches the app with
//! `--db <fresh temp file>`. `scripts/e2e.sh` starts Xvfb and the driver and runs the tests.
//!
//! Invariants:
//! - A missing driver or a missing app binary is a test failure with a message that says what
//!   to do, never a silent skip: a green e2e run must mean the scenarios ran.
//! - One app at a time: [`run`] holds an exclusive file lock for the whole test, so the tests
//!   stay sequential even when a runner starts several test binaries at once.
//! - Each test gets its own empty database in a temporary folder that outlives the app.
//! - On failure a screenshot and the page source go to `<target>/e2e-screenshots/<test>.png`
//!   (and `.html`), and the session is closed (which ends the app) before the test panics.
//!
//! UI elements are addressed only by their `data-testid` (the list is in docs/ipc.md).

use std::future::Future;
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use fantoccini::elements::Element;
pub use fantoccini::key::Key;
pub use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// Where tauri-driver listens unless `DEALDESK_WEBDRIVER_URL` says otherwise.
pub const DEFAULT_WEBDRIVER_URL: &str = "http://127.0.0.1:4444";

/// How long a helper waits for the UI before it fails (override: `DEALDESK_E2E_TIMEOUT_SECS`).
/// Generous because the first launch of WebKit on a busy 2-core machine takes a few seconds.
const DEFAULT_TIMEOUT_SECS: u64 = 20;

/// The limit for one whole test (override: `DEALDESK_E2E_TEST_TIMEOUT_SECS`).
const DEFAULT_TEST_TIMEOUT_SECS: u64 = 240;

/// The limit for each failure-artifact command and for closing the session.
const ARTIFACT_TIMEOUT: Duration = Duration::from_secs(15);

const POLL: Duration = Duration::from_millis(100);

/// A running app: a WebDriver session plus what the test needs to know about it.
/// Cheap to clone (the client is a handle).
#[derive(Clone)]
pub struct App {
    client: Client,
    test: String,
    db_path: PathBuf,
    timeout: Duration,
}

/// Runs one end-to-end test: takes the one-app lock, starts the app on a fresh database, runs
/// `body`, and on failure (panic inside `body`) saves a screenshot before failing the test.
///
/// `test` names the artifacts; pass the test function's name.
pub async fn run<F, Fut>(test: &str, body: F)
where
    F: FnOnce(App) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    run_prepared(test, |_| {}, body).await
}

/// Like [`run`], but `prepare` gets the database path (which does not exist yet) before the
/// app starts, to put a database there first.
pub async fn run_prepared<P, F, Fut>(test: &str, prepare: P, body: F)
where
    P: FnOnce(&Path),
    F: FnOnce(App) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let _one_app = OneAppLock::acquire();
    let app_binary = app_binary();
    let driver_url = driver_url();
    let data = tempfile::Builder::new()
        .prefix("dealdesk-e2e-")
        .tempdir()
        .expect("create a temporary folder for the test database");
    let db_path = data.path().join("dealdesk.db");
    prepare(&db_path);

    let started = Instant::now();
    let client = new_session(&driver_url, &app_binary, &db_path).await;
    let app = App {
        client: client.clone(),
        test: test.to_owned(),
        db_path,
        timeout: timeout(),
    };
    eprintln!("[e2e] {test}: app started in {:.1?}", started.elapsed());

    // A spawned task turns a panic in the body into a JoinError, so we can still take the
    // screenshot and close the session (which ends the app) before failing. The overall
    // limit turns a WebDriver command that never answers into a failure instead of a hang.
    let limit = test_timeout();
    let mut task = tokio::spawn(body(app.clone()));
    let failure = match tokio::time::timeout(limit, &mut task).await {
        Ok(Ok(())) => None,
        Ok(Err(e)) if e.is_panic() => Some(panic_message(e.into_panic())),
        Ok(Err(e)) => Some(format!("test task did not finish: {e}")),
        Err(_) => {
            task.abort();
            Some(format!(
                "the test did not finish within {limit:?} (a WebDriver command that never \
                 answered?); raise DEALDESK_E2E_TEST_TIMEOUT_SECS if the machine is just slow"
            ))
        }
    };

    let artifacts = match &failure {
        Some(_) => Some(app.save_artifacts().await),
        None => None,
    };
    match tokio::time::timeout(ARTIFACT_TIMEOUT, client.close()).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => eprintln!("[e2e] {test}: closing the WebDriver session failed: {e}"),
        Err(_) => eprintln!("[e2e] {test}: closing the WebDriver session did not answer"),
    }
    // The app is gone now; the database folder may go too.
    drop(data);

    if let Some(message) = failure {
        panic!(
            "{test} failed after {:.1?}: {message}\n{}",
            started.elapsed(),
            artifacts.unwrap_or_default()
        );
    }
    eprintln!("[e2e] {test}: passed in {:.1?}", started.elapsed());
}

/// Runs the app binary's CLI (`DEALDESK_APP`) with `args`; panics with its output unless it
/// succeeds. Returns (stdout, stderr).
pub fn cli(args: &[&str]) -> (String, String) {
    let out = std::process::Command::new(app_binary()).args(args).output().expect("run the dealdesk CLI");
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned());
    assert!(out.status.success(), "dealdesk {args:?} failed: {stdout}{stderr}");
    (stdout, stderr)
}

/// The recovery key (8 groups of 8 hex digits) in a text such as the CLI's new-database notice.
pub fn recovery_key_in(text: &str) -> Option<String> {
    text.split_whitespace()
        .find(|w| w.len() == 71 && w.split('-').count() == 8 && w.split('-').all(|g| g.len() == 8 && g.chars().all(|c| c.is_ascii_hexdigit())))
        .map(str::to_owned)
}

/// Absolute path of a file in tests/e2e/fixtures (WebDriver file uploads need absolute paths).
pub fn fixture(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    assert!(path.is_file(), "fixture {} does not exist", path.display());
    path
}

/// `[data-testid="…"]`
pub fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// The first whole number in `text` ("共 12 条", "Total: 12", "12 customers" → 12).
pub fn first_number(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

impl App {
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The database file the app was started on (`--db`).
    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    // ---- finding -------------------------------------------------------------------------

    /// Waits until an element with this test id is in the page and visible.
    pub async fn el(&self, id: &str) -> Element {
        self.wait_css(&testid(id), true).await.unwrap_or_else(|e| {
            panic!(
                "no visible [data-testid={id}] within {:?}: {e}",
                self.timeout
            )
        })
    }

    /// Waits until an element with this test id is in the page (visible or not: file inputs
    /// are usually hidden behind a button).
    pub async fn present(&self, id: &str) -> Element {
        self.wait_css(&testid(id), false).await.unwrap_or_else(|e| {
            panic!(
                "no [data-testid={id}] in the page within {:?}: {e}",
                self.timeout
            )
        })
    }

    /// Whether a visible element with this test id is in the page right now (no waiting).
    pub async fn is_visible(&self, id: &str) -> bool {
        match self.client.find(Locator::Css(&testid(id))).await {
            Ok(el) => el.is_displayed().await.unwrap_or(false),
            Err(_) => false,
        }
    }

    /// All elements matching a CSS selector right now (no waiting).
    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("find_all({css}) failed: {e}"))
    }

    /// Waits until no visible element with this test id remains.
    pub async fn wait_gone(&self, id: &str) {
        let deadline = Instant::now() + self.timeout;
        while self.is_visible(id).await {
            assert!(
                Instant::now() < deadline,
                "[data-testid={id}] still visible after {:?}",
                self.timeout
            );
            tokio::time::sleep(POLL).await;
        }
    }

    async fn wait_css(&self, css: &str, visible: bool) -> Result<Element, String> {
        let deadline = Instant::now() + self.timeout;
        loop {
            let last = match self.client.find(Locator::Css(css)).await {
                Ok(el) if !visible => return Ok(el),
                Ok(el) => match el.is_displayed().await {
                    Ok(true) => return Ok(el),
                    Ok(false) => "present but not displayed".to_owned(),
                    Err(e) => e.to_string(),
                },
                Err(e) if e.is_no_such_element() => "not in the page".to_owned(),
                Err(e) => e.to_string(),
            };
            if Instant::now() >= deadline {
                return Err(last);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits (at most 5 s) until no finite CSS animation or transition runs and no antd/rc-motion
    /// enter/leave is in progress. A drawer or modal that is closing hands the focus back to
    /// the button that opened it when its motion ends; keys typed before that go astray (a
    /// space "clicks" the button). Endless animations (spinners) and antd's 2-second click
    /// "wave" (`.ant-wave`, pure decoration) are ignored.
    pub async fn settle(&self) {
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut calm = 0;
        while calm < 2 {
            let busy = self
                .js(
                    "const wave = el => !!(el && el.closest && el.closest('.ant-wave'));
                     const running = document.getAnimations().some(a => a.playState === 'running'
                         && a.effect && a.effect.getComputedTiming().iterations !== Infinity
                         && !wave(a.effect.target));
                     const motion = Array.from(document.querySelectorAll(
                         '[class*=\"-leave-active\"], [class*=\"-enter-active\"], [class*=\"-appear-active\"]'))
                         .some(el => !wave(el));
                     return running || motion;",
                    vec![],
                )
                .await;
            calm = if busy == Value::Bool(false) {
                calm + 1
            } else {
                0
            };
            if Instant::now() >= deadline {
                eprintln!(
                    "[e2e] {}: the page kept animating for 5 s; going on",
                    self.test
                );
                return;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    // ---- acting --------------------------------------------------------------------------

    /// Clicks the element with this test id. Retries while the click is refused (an antd
    /// drawer or modal still animating in intercepts clicks for a few hundred ms).
    pub async fn click(&self, id: &str) {
        self.settle().await;
        let deadline = Instant::now() + self.timeout;
        loop {
            let el = self.el(id).await;
            match el.click().await {
                Ok(()) => return,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(POLL).await;
                }
                Err(e) => panic!("clicking [data-testid={id}] failed: {e} ({e:?})"),
            }
        }
    }

    /// Replaces the text of an input (or of the input inside a wrapper with this test id)
    /// by typing `text` into it like a user would, and checks the input then holds exactly it.
    ///
    /// Clicks first and retries: right after an antd drawer or modal closes, it hands the focus
    /// back to the button that opened it, and keys typed in that moment go there.
    pub async fn fill(&self, id: &str, text: &str) {
        const ATTEMPTS: usize = 3;
        let mut value = String::new();
        for attempt in 1..=ATTEMPTS {
            self.settle().await;
            let el = self.text_input(id).await;
            // A refused click (something still animating over the field) is retried below.
            let _ = el.click().await;
            self.clear_input(id, &el).await;
            if !text.is_empty() {
                el.send_keys(text)
                    .await
                    .unwrap_or_else(|e| panic!("typing into [data-testid={id}] failed: {e}"));
            }
            // React may re-render a moment later; give the value a short while to settle.
            let settle = Instant::now() + Duration::from_secs(2);
            loop {
                value = el.prop("value").await.ok().flatten().unwrap_or_default();
                if value == text {
                    return;
                }
                if Instant::now() >= settle {
                    break;
                }
                tokio::time::sleep(POLL).await;
            }
            eprintln!("[e2e] {}: [data-testid={id}] holds {value:?} after typing {text:?} (attempt {attempt})", self.test);
        }
        panic!("[data-testid={id}] holds {value:?} after typing {text:?} {ATTEMPTS} times");
    }

    /// The current value of an input (or of the input inside the wrapper with this test id).
    pub async fn value(&self, id: &str) -> String {
        let el = self.text_input(id).await;
        el.prop("value").await.ok().flatten().unwrap_or_default()
    }

    /// Empties an input in a way React notices: the native value setter plus an `input`
    /// event (WebDriver's Element Clear only fires `change`, which React's onChange ignores).
    async fn clear_input(&self, id: &str, el: &Element) {
        let arg = serde_json::to_value(el).expect("serialise element reference");
        self.client
            .execute(
                "const el = arguments[0];
                 const proto = el instanceof HTMLTextAreaElement
                     ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
                 Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, '');
                 el.dispatchEvent(new Event('input', { bubbles: true }));
                 el.focus();",
                vec![arg],
            )
            .await
            .unwrap_or_else(|e| panic!("clearing [data-testid={id}] failed: {e}"));
    }

    /// The element with this test id if it is an input/textarea, else the first one inside it.
    async fn text_input(&self, id: &str) -> Element {
        let el = self.el(id).await;
        let tag = el.tag_name().await.unwrap_or_default().to_ascii_lowercase();
        if tag == "input" || tag == "textarea" {
            return el;
        }
        el.find(Locator::Css("input, textarea"))
            .await
            .unwrap_or_else(|_| panic!("[data-testid={id}] is a <{tag}> with no input inside"))
    }

    /// Chooses an option in a select-like control: `select_id` is the control, `option_id` the
    /// option. Works for a native `<select>` (clicks the option) and for an antd `Select`
    /// (opens the dropdown, then clicks the option in it).
    pub async fn choose(&self, select_id: &str, option_id: &str) {
        let select = self.el(select_id).await;
        let tag = select
            .tag_name()
            .await
            .unwrap_or_default()
            .to_ascii_lowercase();
        if tag == "select" {
            let option = self.present(option_id).await;
            option
                .click()
                .await
                .unwrap_or_else(|e| panic!("choosing [data-testid={option_id}] failed: {e}"));
            return;
        }
        if !self.is_visible(option_id).await {
            // antd opens the dropdown on mousedown of the selector inside the wrapper.
            let target = match select.find(Locator::Css(".ant-select-selector")).await {
                Ok(inner) => inner,
                Err(_) => select,
            };
            target
                .click()
                .await
                .unwrap_or_else(|e| panic!("opening [data-testid={select_id}] failed: {e}"));
        }
        self.click(option_id).await;
    }

    /// Picks an option of a searchable antd `Select` (remote search, options without test ids,
    /// e.g. the customer picker): opens it, types `typed` into its search box, waits until the
    /// open dropdown shows an option whose text contains `option_text`, and clicks that option.
    pub async fn pick(&self, select_id: &str, typed: &str, option_text: &str) {
        self.settle().await;
        let select = self.el(select_id).await;
        let opener = match select.find(Locator::Css(".ant-select-selector")).await {
            Ok(inner) => inner,
            Err(_) => select.clone(),
        };
        opener
            .click()
            .await
            .unwrap_or_else(|e| panic!("opening [data-testid={select_id}] failed: {e}"));
        let search = select
            .find(Locator::Css("input"))
            .await
            .unwrap_or_else(|e| panic!("[data-testid={select_id}] has no search input: {e}"));
        if !typed.is_empty() {
            search
                .send_keys(typed)
                .await
                .unwrap_or_else(|e| panic!("typing into [data-testid={select_id}] failed: {e}"));
        }
        // Mark the option in the page, then click it through WebDriver like a user would.
        let deadline = Instant::now() + self.timeout;
        loop {
            let found = self
                .js(
                    "document.querySelectorAll('[data-e2e-pick]').forEach(el => el.removeAttribute('data-e2e-pick'));
                     const option = Array.from(document.querySelectorAll(
                         '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option'))
                         .find(o => o.innerText.includes(arguments[0]));
                     if (option) option.setAttribute('data-e2e-pick', '1');
                     return !!option;",
                    vec![json!(option_text)],
                )
                .await;
            if found == Value::Bool(true) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "[data-testid={select_id}]: no option containing {option_text:?} after typing {typed:?} within {:?}",
                self.timeout
            );
            tokio::time::sleep(POLL).await;
        }
        let option = self
            .wait_css("[data-e2e-pick]", true)
            .await
            .unwrap_or_else(|e| panic!("the option {option_text:?} went away: {e}"));
        option
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking the option {option_text:?} failed: {e}"));
    }

    /// Saves a picture of the screen as `<artifacts dir>/view-<name>.png` when
    /// `DEALDESK_E2E_VIEWS` is set (to look at screens after a run); does nothing otherwise.
    /// Returns the file written.
    pub async fn view(&self, name: &str) -> Option<PathBuf> {
        std::env::var_os("DEALDESK_E2E_VIEWS")?;
        self.settle().await;
        let dir = artifacts_dir();
        std::fs::create_dir_all(&dir).ok()?;
        let png = dir.join(format!("view-{name}.png"));
        let status = std::process::Command::new("import")
            .args(["-window", "root"])
            .arg(&png)
            .stdin(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| {
            eprintln!("[e2e] {}: view saved to {}", self.test, png.display());
            png
        })
    }

    /// Sends the absolute path of a file to an `<input type=file>` (the WebDriver way to pick
    /// a file; no native dialog opens).
    pub async fn upload(&self, id: &str, file: &Path) {
        assert!(
            file.is_absolute(),
            "upload needs an absolute path: {}",
            file.display()
        );
        let input = self.present(id).await;
        input
            .send_keys(&file.to_string_lossy())
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "sending {} to [data-testid={id}] failed: {e}",
                    file.display()
                )
            });
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    // ---- reading -------------------------------------------------------------------------

    /// The visible text of the element with this test id.
    pub async fn text(&self, id: &str) -> String {
        let el = self.el(id).await;
        el.text()
            .await
            .unwrap_or_else(|e| panic!("reading the text of [data-testid={id}] failed: {e}"))
    }

    /// Waits until the text of the element with this test id satisfies `ok`; returns it.
    /// `expected` describes the wait in the failure message.
    pub async fn wait_text(&self, id: &str, expected: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + self.timeout;
        let mut last = String::new();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(&testid(id))).await {
                if let Ok(text) = el.text().await {
                    if ok(&text) {
                        return text;
                    }
                    last = text;
                }
            }
            assert!(
                Instant::now() < deadline,
                "[data-testid={id}]: expected {expected}, text is {last:?} after {:?}",
                self.timeout
            );
            tokio::time::sleep(POLL).await;
        }
    }

    /// Like [`App::wait_text`], but reads the element's `innerText` in the page: WebKitWebDriver's
    /// element text leaves out text clipped by `overflow: hidden` (an antd Select's chosen
    /// value, ellipsis cells).
    pub async fn wait_inner_text(&self, id: &str, expected: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + self.timeout;
        loop {
            let text = self
                .js(
                    "const el = document.querySelector(arguments[0]); return el ? el.innerText : null;",
                    vec![json!(testid(id))],
                )
                .await;
            let text = text.as_str().unwrap_or_default().to_owned();
            if ok(&text) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "[data-testid={id}]: expected {expected}, innerText is {text:?} after {:?}",
                self.timeout
            );
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the element with this test id shows the number `n` (e.g. `customers-total`).
    pub async fn wait_count(&self, id: &str, n: u64) {
        self.wait_text(id, &format!("the number {n}"), |t| {
            first_number(t) == Some(n)
        })
        .await;
    }

    /// The number the element with this test id shows.
    pub async fn count(&self, id: &str) -> u64 {
        let text = self.text(id).await;
        first_number(&text)
            .unwrap_or_else(|| panic!("[data-testid={id}] shows no number: {text:?}"))
    }

    /// Rows of a table page as (row id, rendered text); the id is the part after `row-`.
    ///
    /// Reads `innerText` in the page: WebKitWebDriver's element text leaves out antd's
    /// ellipsis cells (overflow: hidden inside the scrolling table body), so a row's text
    /// would be just its buttons.
    pub async fn rows(&self, table: &str) -> Vec<(String, String)> {
        let css = format!(
            "{} [data-testid^=\"row-\"]",
            testid(&format!("{table}-table"))
        );
        let found = self
            .js(
                "return Array.from(document.querySelectorAll(arguments[0]))
                     .map(r => [r.getAttribute('data-testid'), r.innerText]);",
                vec![json!(css)],
            )
            .await;
        let rows = found.as_array().cloned().unwrap_or_default();
        rows.iter()
            .filter_map(|r| {
                let id = r.get(0)?.as_str()?.trim_start_matches("row-").to_owned();
                let text = r.get(1)?.as_str().unwrap_or_default().to_owned();
                Some((id, text))
            })
            .collect()
    }

    /// Waits until a row of the table shows `needle`; returns the row id.
    pub async fn wait_row(&self, table: &str, needle: &str) -> String {
        let deadline = Instant::now() + self.timeout;
        loop {
            let rows = self.rows(table).await;
            if let Some((id, _)) = rows.iter().find(|(_, text)| text.contains(needle)) {
                return id.clone();
            }
            assert!(
                Instant::now() < deadline,
                "no row of {table}-table shows {needle:?} after {:?}; rows: {rows:?}",
                self.timeout
            );
            tokio::time::sleep(POLL).await;
        }
    }

    // ---- app-level steps ---------------------------------------------------------------------

    /// First run: the new encrypted database shows its recovery key (which must be there,
    /// in groups of hex digits), the user confirms writing it down, then chooses "start with
    /// an empty database"; waits for the navigation.
    pub async fn start_empty(&self) {
        let key = self.text("recovery-key").await;
        assert_eq!(key.trim().len(), 71, "the recovery key is 8 groups of 8 hex digits: {key:?}");
        self.click("recovery-ack").await;
        self.click("onboarding-empty").await;
        self.el("nav-customers").await;
    }

    /// Switches the UI language (`"en"` or `"zh-CN"`) with the language switch.
    pub async fn set_language(&self, lang: &str) {
        self.choose("lang-switch", &format!("lang-{lang}")).await;
    }

    /// Opens an area through the navigation (`customers`, `products`, …).
    pub async fn open(&self, area: &str) {
        self.click(&format!("nav-{area}")).await;
    }

    // ---- failure artifacts ---------------------------------------------------------------

    /// Saves a screenshot and the page source; returns a line naming the files.
    async fn save_artifacts(&self) -> String {
        let dir = artifacts_dir();
        if let Err(e) = std::fs::create_dir_all(&dir) {
            return format!("could not create {}: {e}", dir.display());
        }
        let png = dir.join(format!("{}.png", self.test));
        let html = dir.join(format!("{}.html", self.test));
        let mut notes = Vec::new();
        // The X screen first: the app turns WebKit's compositing off (less memory), and then
        // WebDriver's screenshot command never answers. Without a window manager the window
        // is the only thing on the screen. WebDriver's own screenshot (bounded) is the
        // fallback for a machine without ImageMagick.
        let x_screen = std::process::Command::new("import")
            .args(["-window", "root"])
            .arg(&png)
            .stdin(std::process::Stdio::null())
            .status();
        match x_screen {
            Ok(status) if status.success() => notes.push(format!("screenshot: {}", png.display())),
            _ => match tokio::time::timeout(ARTIFACT_TIMEOUT, self.client.screenshot()).await {
                Ok(Ok(bytes)) => match std::fs::write(&png, bytes) {
                    Ok(()) => notes.push(format!("screenshot (WebDriver): {}", png.display())),
                    Err(e) => notes.push(format!("writing {} failed: {e}", png.display())),
                },
                Ok(Err(e)) => notes.push(format!("no screenshot: `import` failed, WebDriver: {e}")),
                Err(_) => notes.push(format!(
                    "no screenshot: `import` failed, WebDriver gave none within {ARTIFACT_TIMEOUT:?}"
                )),
            },
        }
        if let Ok(Ok(source)) = tokio::time::timeout(ARTIFACT_TIMEOUT, self.client.source()).await {
            if std::fs::write(&html, source).is_ok() {
                notes.push(format!("page source: {}", html.display()));
            }
        }
        notes.join("\n")
    }
}

/// `<target dir>/e2e-screenshots` (override: `DEALDESK_E2E_ARTIFACTS`).
pub fn artifacts_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DEALDESK_E2E_ARTIFACTS") {
        return PathBuf::from(dir);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("e2e-screenshots")
}

fn timeout() -> Duration {
    secs_from_env("DEALDESK_E2E_TIMEOUT_SECS", DEFAULT_TIMEOUT_SECS)
}

fn test_timeout() -> Duration {
    secs_from_env("DEALDESK_E2E_TEST_TIMEOUT_SECS", DEFAULT_TEST_TIMEOUT_SECS)
}

fn secs_from_env(name: &str, default: u64) -> Duration {
    let secs = std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default);
    Duration::from_secs(secs)
}

/// The app binary from `DEALDESK_APP`; fails the test with instructions if it is unusable.
fn app_binary() -> PathBuf {
    let Some(path) = std::env::var_os("DEALDESK_APP") else {
        panic!(
            "DEALDESK_APP is not set. The e2e tests need the app binary built with the bundled UI:\n  \
             npm --prefix ui ci && npm --prefix ui run build\n  \
             cargo build --features custom-protocol\n  \
             DEALDESK_APP=$CARGO_TARGET_DIR/debug/dealdesk bash scripts/e2e.sh"
        );
    };
    let path = PathBuf::from(path);
    assert!(
        path.is_file(),
        "DEALDESK_APP={} is not a file; build it with `cargo build --features custom-protocol`",
        path.display()
    );
    std::fs::canonicalize(&path).unwrap_or(path)
}

fn driver_url() -> String {
    let url =
        std::env::var("DEALDESK_WEBDRIVER_URL").unwrap_or_else(|_| DEFAULT_WEBDRIVER_URL.into());
    // Fail fast and clearly when nothing listens (instead of a hyper connection error).
    let hostport = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    let reachable = hostport
        .parse::<SocketAddr>()
        .map(|addr| TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_ok())
        .unwrap_or(true); // not an ip:port: let fantoccini report it
    assert!(
        reachable,
        "no WebDriver server at {url}. Start tauri-driver under Xvfb first; \
         `bash scripts/e2e.sh` does that and runs these tests."
    );
    url
}

async fn new_session(driver_url: &str, app: &Path, db: &Path) -> Client {
    let capabilities = json!({
        "tauri:options": {
            "application": app,
            "args": ["--db", db],
        }
    });
    let Value::Object(capabilities) = capabilities else {
        unreachable!()
    };
    ClientBuilder::native()
        .capabilities(capabilities)
        .connect(driver_url)
        .await
        .unwrap_or_else(|e| {
            panic!(
                "starting {} through the WebDriver server at {driver_url} failed: {e}\n\
                 (is DISPLAY set for tauri-driver? does the binary start by itself with --db?)",
                app.display()
            )
        })
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else {
        "panic with a non-string payload".into()
    }
}

/// An exclusive lock on a file in the temp dir, held while one app runs.
struct OneAppLock(#[allow(dead_code)] std::fs::File);

impl OneAppLock {
    fn acquire() -> Self {
        let path = std::env::temp_dir().join("dealdesk-e2e.lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
        file.lock()
            .unwrap_or_else(|e| panic!("lock {}: {e}", path.display()));
        OneAppLock(file)
    }
}

#[cfg(test)]
mod tests {
    use super::first_number;

    #[test]
    fn first_number_reads_counts_in_both_languages() {
        assert_eq!(first_number("共 12 条"), Some(12));
        assert_eq!(first_number("Total: 3"), Some(3));
        assert_eq!(first_number("0 customers"), Some(0));
        assert_eq!(first_number("none"), None);
    }
}
