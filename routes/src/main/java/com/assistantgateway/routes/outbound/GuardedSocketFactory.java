package com.assistantgateway.routes.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Properties;
import javax.net.SocketFactory;
import org.springframework.stereotype.Component;

/**
 * Sockets that check where they connect with {@link OutboundTargets}, for clients that take a socket factory rather
 * than a resolver: Jakarta Mail's IMAP, POP3 and SMTP. TLS is layered on the checked socket by the mail client.
 */
@Component
public final class GuardedSocketFactory extends SocketFactory {

    private final OutboundTargets targets;

    public GuardedSocketFactory(OutboundTargets targets) {
        this.targets = targets;
    }

    /**
     * Jakarta Mail properties that make a session's every connection of these protocols use this factory, with no
     * fallback to an unchecked socket when it refuses. Jakarta Mail asks for {@code ssl.socketFactory} first on the
     * TLS protocols; a plain factory there yields a checked socket that it then wraps in TLS itself.
     */
    public Properties mailProperties(String... protocols) {
        Properties properties = new Properties();
        for (String protocol : protocols) {
            properties.put("mail." + protocol + ".socketFactory", this);
            properties.put("mail." + protocol + ".ssl.socketFactory", this);
            properties.put("mail." + protocol + ".socketFactory.fallback", "false");
        }
        return properties;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket(targets);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address.getHostAddress(), port, localAddress, localPort);
    }

    /** A socket that refuses to connect to an address tenant settings may not reach. */
    private static final class GuardedSocket extends Socket {
        private final OutboundTargets targets;

        GuardedSocket(OutboundTargets targets) {
            this.targets = targets;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress target) {
                // Resolved again by the guard: whatever the caller resolved, this is the address connected to.
                InetAddress address = targets.resolve(target.getHostString())[0];
                super.connect(new InetSocketAddress(address, target.getPort()), timeout);
                return;
            }
            throw new IOException("not an internet address: " + endpoint);
        }
    }
}
