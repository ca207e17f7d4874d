package com.assistantgateway.routes.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Address blocks that are not the public internet (IANA's special-purpose registries, RFC 6890 and successors):
 * loopback, private, shared (CGNAT), link-local (cloud metadata services live there), documentation, benchmarking,
 * multicast, reserved; for IPv6 also unique-local, and the transition formats that embed an IPv4 address (mapped, NAT64,
 * 6to4), which are judged by the address they embed.
 */
final class NonPublicAddresses {

    /** An address block in CIDR notation, e.g. {@code 10.1.2.0/24} or {@code fd00::/8}. */
    record Block(byte[] prefix, int bits) {

        static Block parse(String cidr) {
            String[] parts = cidr.strip().split("/");
            try {
                if (parts.length > 2 || !parts[0].matches("[0-9A-Fa-f:.]+")) {
                    throw new IllegalArgumentException("'" + cidr + "' is not an address block such as 10.1.2.0/24");
                }
                // Literals only: getByName resolves nothing for an address written as digits.
                byte[] prefix = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : prefix.length * 8;
                if (bits < 0 || bits > prefix.length * 8) {
                    throw new IllegalArgumentException("'" + cidr + "' has a prefix length out of range");
                }
                return new Block(prefix, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not an address block such as 10.1.2.0/24", e);
            }
        }

        boolean contains(InetAddress address) {
            return contains(address.getAddress());
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0/8"),
            block("10.0.0.0/8"),
            block("100.64.0.0/10"),
            block("127.0.0.0/8"),
            block("169.254.0.0/16"),
            block("172.16.0.0/12"),
            block("192.0.0.0/24"),
            block("192.0.2.0/24"),
            block("192.88.99.0/24"),
            block("192.168.0.0/16"),
            block("198.18.0.0/15"),
            block("198.51.100.0/24"),
            block("203.0.113.0/24"),
            block("224.0.0.0/4"),
            block("240.0.0.0/4"),
            block("::/96"),
            block("100::/64"),
            block("2001::/23"),
            block("2001:db8::/32"),
            block("fc00::/7"),
            block("fe80::/10"),
            block("fec0::/10"),
            block("ff00::/8"));

    /** Java parses "::ffff:a.b.c.d" into an IPv4 address, so this prefix is written out. */
    private static final Block MAPPED =
            new Block(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96);

    private static final Block NAT64 = block("64:ff9b::/96");
    private static final Block SIX_TO_FOUR = block("2002::/16");

    private NonPublicAddresses() {}

    static boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (NAT64.contains(bytes) || MAPPED.contains(bytes)) {
            return contains(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return contains(Arrays.copyOfRange(bytes, 2, 6));
        }
        return contains(bytes);
    }

    private static boolean contains(byte[] bytes) {
        return BLOCKS.stream().anyMatch(block -> block.contains(bytes));
    }

    private static Block block(String cidr) {
        return Block.parse(cidr);
    }
}
