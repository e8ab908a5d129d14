package io.customerauth.dev.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The catcher's HTML pages. Mails are untrusted: every value goes through {@link Html#escape}, and an html part is
 * only ever shown inside a sandboxed iframe (no scripts, no same origin) as an escaped {@code srcdoc}.
 */
final class MailPages {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
            tr:hover td{background:#f5f7fa}
            pre{white-space:pre-wrap;background:#f5f7fa;padding:1rem;border-radius:4px}
            iframe{width:100%;height:60vh;border:1px solid #ddd;border-radius:4px}
            dt{font-weight:bold}dd{margin:0 0 .5rem 0}
            .muted{color:#777}""";

    private final DateTimeFormatter dates;

    MailPages(ZoneId zone) {
        this.dates = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(zone);
    }

    String list(List<ReceivedMail> newestFirst) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Mail catcher</h1>\n<p class=\"muted\">")
                .append(newestFirst.size()).append(newestFirst.size() == 1 ? " mail" : " mails")
                .append(", newest first. This page reloads every 5 seconds. JSON: <a href=\"/api/messages\">/api/messages</a></p>\n");
        if (newestFirst.isEmpty()) {
            body.append("<p>No mail yet.</p>\n");
        } else {
            body.append("<table>\n<tr><th>Date</th><th>From</th><th>To</th><th>Subject</th></tr>\n");
            for (ReceivedMail mail : newestFirst) {
                body.append("<tr><td>").append(Html.escape(date(mail)))
                        .append("</td><td>").append(Html.escape(mail.from()))
                        .append("</td><td>").append(Html.escape(String.join(", ", mail.to())))
                        .append("</td><td><a href=\"/messages/").append(mail.id()).append("\">")
                        .append(Html.escape(mail.subject().isEmpty() ? "(no subject)" : mail.subject()))
                        .append("</a></td></tr>\n");
            }
            body.append("</table>\n");
        }
        return page("Mail catcher", "<meta http-equiv=\"refresh\" content=\"5\">\n", body.toString());
    }

    String message(ReceivedMail mail) {
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/\">&larr; all mails</a></p>\n")
                .append("<h1>").append(Html.escape(mail.subject().isEmpty() ? "(no subject)" : mail.subject()))
                .append("</h1>\n<dl>\n")
                .append("<dt>From</dt><dd>").append(Html.escape(mail.from())).append("</dd>\n")
                .append("<dt>To</dt><dd>").append(Html.escape(String.join(", ", mail.to()))).append("</dd>\n")
                .append("<dt>Date</dt><dd>").append(Html.escape(date(mail))).append("</dd>\n</dl>\n");
        if (mail.hasHtml()) {
            body.append("<h2>HTML part</h2>\n<p class=\"muted\">Shown sandboxed: no scripts, no remote content. ")
                    .append("<a href=\"/messages/").append(mail.id()).append("/html\">Open alone</a></p>\n")
                    .append("<iframe sandbox=\"\" referrerpolicy=\"no-referrer\" title=\"HTML part\" srcdoc=\"")
                    .append(Html.escape(mail.html())).append("\"></iframe>\n");
        }
        body.append("<h2>Text part</h2>\n");
        body.append(mail.text().isEmpty()
                ? "<p class=\"muted\">(none)</p>\n"
                : "<pre>" + Html.escape(mail.text()) + "</pre>\n");
        return page(mail.subject().isEmpty() ? "(no subject)" : mail.subject(), "", body.toString());
    }

    String notFound() {
        return page("Not found", "", "<h1>Not found</h1>\n<p><a href=\"/\">All mails</a></p>\n");
    }

    private String date(ReceivedMail mail) {
        return mail.date() == null ? "-" : dates.format(mail.date());
    }

    private static String page(String title, String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" + head
                + "<title>" + Html.escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }
}
