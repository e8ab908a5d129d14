package io.customerauth.dev.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailPagesTest {

    private final MailPages pages = new MailPages(ZoneOffset.UTC);

    @Test
    void listsMailsInTheGivenOrderWithTheirHeaders() {
        String page = pages.list(List.of(
                mail(2, "Reset your password", "", ""),
                mail(1, "Welcome", "", "")));

        assertThat(page)
                .contains("2 mails")
                .contains("<a href=\"/messages/2\">Reset your password</a>")
                .contains("no-reply@customers.localhost")
                .contains("ana@example.com")
                .contains("2024-05-02 22:54:01 Z");
        assertThat(page.indexOf("/messages/2")).isLessThan(page.indexOf("/messages/1"));
    }

    @Test
    void escapesEveryHeaderOfAnUntrustedMail() {
        ReceivedMail evil = new ReceivedMail(1, "\"<script>alert(1)</script>\" <x@example.com>",
                List.of("<img src=x onerror=alert(2)>@example.com"), "<b>bold</b> & \"quoted\"",
                null, "", "");

        String list = pages.list(List.of(evil));
        String message = pages.message(evil);

        assertThat(list + message)
                .doesNotContain("<script>", "<img", "<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;");
    }

    @Test
    void showsTheTextPartEscapedInPre() {
        String page = pages.message(mail(1, "Code", "Your code: </pre><script>x()</script>", ""));

        assertThat(page)
                .contains("<pre>Your code: &lt;/pre&gt;&lt;script&gt;x()&lt;/script&gt;</pre>")
                .doesNotContain("<script>")
                .doesNotContain("<iframe");
    }

    @Test
    void showsTheHtmlPartOnlyInASandboxedIframeAsAnEscapedSrcdoc() {
        String html = "<p class=\"x\">Hello</p><script>steal()</script>\"><script>escape()</script>";

        String page = pages.message(mail(1, "Hello", "Hello", html));

        assertThat(page)
                .contains("<iframe sandbox=\"\"")
                .contains("srcdoc=\"&lt;p class=&quot;x&quot;&gt;Hello&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;"
                        + "&quot;&gt;&lt;script&gt;escape()&lt;/script&gt;\"")
                .doesNotContain("<script>")
                .contains("<a href=\"/messages/1/html\">");
    }

    private static ReceivedMail mail(int id, String subject, String text, String html) {
        return new ReceivedMail(id, "Customer Auth <no-reply@customers.localhost>", List.of("ana@example.com"),
                subject, Instant.parse("2024-05-02T22:54:01Z"), text, html);
    }
}
