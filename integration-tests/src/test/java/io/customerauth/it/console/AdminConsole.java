package io.customerauth.it.console;

import io.customerauth.it.harness.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The admin console as an admin clicks through it: signed in to master, working on the customers realm. */
final class AdminConsole {

    static final By DIALOG = By.cssSelector("div[role='dialog']");
    private static final By DIALOG_SAVE = By.cssSelector("div[role='dialog'] button[data-testid='save']");

    private final Browser browser;
    private final String consoleUrl;

    AdminConsole(Browser browser, String serverUrl) {
        this.browser = browser;
        this.consoleUrl = serverUrl + "/admin/master/console/";
    }

    void signIn(String username, String password) {
        browser.open(consoleUrl);
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), password);
        browser.click(By.id("kc-login"));
        browser.find(By.cssSelector("[data-testid='page-header']"));
    }

    /**
     * A page of the customers realm, by the console's own address of it, loaded afresh as a bookmark is: the console
     * does not switch realms on a mere change of the address's fragment.
     */
    void open(String pathInRealm) {
        browser.open("about:blank");
        browser.open(consoleUrl + "#/customers/" + pathInRealm);
    }

    /** Authentication, then the flow by its name in the list. */
    void openFlow(String alias) {
        open("authentication");
        browser.click(By.linkText(alias));
    }

    /** The settings (gear) of the flow step with this display name; the dialog once it shows. */
    void openStepSettings(String stepDisplayName) {
        By settings = By.xpath("//tr[.//div[@data-testid='" + stepDisplayName + "']]//button[@aria-label='Settings']");
        browser.find(settings);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.driver().findElement(settings));
        browser.click(settings);
        browser.find(DIALOG);
    }

    /** Types into a setting of the open dialog, by its name. */
    void setStepSetting(String name, String value) {
        browser.type(By.cssSelector("div[role='dialog'] input[data-testid='" + name + "']"), value);
    }

    String stepSetting(String name) {
        return browser.find(By.cssSelector("div[role='dialog'] input[data-testid='" + name + "']"))
                .getAttribute("value");
    }

    /** Saves the open dialog and waits until the console has closed it (it does once the server accepted it). */
    void saveStepSettings() {
        browser.click(DIALOG_SAVE);
        browser.until(ExpectedConditions.invisibilityOfElementLocated(DIALOG));
    }

    void closeDialog() {
        browser.click(By.cssSelector("div[role='dialog'] button[data-testid='cancel']"));
        browser.until(ExpectedConditions.invisibilityOfElementLocated(DIALOG));
    }
}
