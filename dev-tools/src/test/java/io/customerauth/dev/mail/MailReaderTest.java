package io.customerauth.dev.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailReaderTest {

    @Test
    void readsHeadersAndBothPartsOfAnAlternativeMail() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("no-reply@customers.localhost", "Customer Auth"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("zoé@example.com"));
        message.setSubject("Réinitialisez votre mot de passe", "UTF-8");
        message.setSentDate(Date.from(Instant.parse("2024-05-02T22:54:01Z")));
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Code : 1234", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Code : <b>1234</b></p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();

        ReceivedMail mail = MailReader.read(7, message);

        assertThat(mail.id()).isEqualTo(7);
        assertThat(mail.from()).isEqualTo("Customer Auth <no-reply@customers.localhost>");
        assertThat(mail.to()).containsExactly("zoé@example.com");
        assertThat(mail.subject()).isEqualTo("Réinitialisez votre mot de passe");
        assertThat(mail.date()).isEqualTo(Instant.parse("2024-05-02T22:54:01Z"));
        assertThat(mail.text()).isEqualTo("Code : 1234");
        assertThat(mail.html()).isEqualTo("<p>Code : <b>1234</b></p>");
    }

    @Test
    void aPlainMailHasNoHtmlPart() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setText("just text");
        message.saveChanges();
        message.removeHeader("Date");

        ReceivedMail mail = MailReader.read(1, message);

        assertThat(mail.text()).isEqualTo("just text");
        assertThat(mail.hasHtml()).isFalse();
        assertThat(mail.from()).isEmpty();
        assertThat(mail.subject()).isEmpty();
        assertThat(mail.date()).isNull();
    }
}
