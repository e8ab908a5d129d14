package io.customerauth.dev;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.customerauth.dev.mail.MailStore;
import io.customerauth.dev.mail.MailWebServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The local mail catcher of bin/dev: an SMTP server (GreenMail) that keeps every mail it receives, and a web page
 * that shows them. Environment: {@code SMTP_PORT} (1025), {@code MAIL_HTTP_PORT} (1080),
 * {@code MAIL_BIND_ADDRESS} (127.0.0.1). Stops on SIGTERM / SIGINT.
 */
public final class DevMailCatcher {

    private DevMailCatcher() {
    }

    public static void main(String[] args) throws IOException {
        DevEnv env = DevEnv.system();
        String bindAddress = env.string("MAIL_BIND_ADDRESS", "127.0.0.1");
        int smtpPort = env.port("SMTP_PORT", 1025);
        int httpPort = env.port("MAIL_HTTP_PORT", 1080);

        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, bindAddress, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        MailWebServer web = MailWebServer.start(new InetSocketAddress(bindAddress, httpPort), new MailStore(greenMail));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            greenMail.stop();
            System.out.println("Mail catcher stopped");
        }, "mail-catcher-shutdown"));

        System.out.printf("Mail catcher ready: SMTP %s:%d, web page http://localhost:%d/%n",
                bindAddress, smtpPort, httpPort);
        // GreenMail's and the web server's threads keep the JVM alive until it is signalled.
    }
}
