// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <array>

// TCP header flags as they are on the wire (RFC 9293 §3.1, ECE/CWR from RFC 3168).
// An IPv6 extension header a decoder steps over to reach the transport header (RFC 8200 4; the
// authentication header, RFC 4302, counts 4-byte units less 2, the others 8-byte units less 1):
// its length in bytes from its second byte; 0 when `next` is no such header (a fragment header,
// 44, is each decoder's own business).
constexpr qsizetype ipv6ExtensionLength(int next, quint8 lengthByte)
{
    switch (next) {
    case 0: // hop-by-hop options
    case 43: // routing
    case 60: // destination options
    case 135: // mobility
    case 139: // HIP
    case 140: // shim6
        return (qsizetype(lengthByte) + 1) * 8;
    case 51: // authentication header
        return (qsizetype(lengthByte) + 2) * 4;
    default:
        return 0;
    }
}

namespace TcpFlag {
enum : quint8 { Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10, Urg = 0x20, Ece = 0x40, Cwr = 0x80 };
}

struct TcpOptions {
    int mss = -1; // -1: absent
    int windowScale = -1;
    bool sackPermitted = false;
    bool hasTimestamps = false;
    quint32 tsVal = 0;
    quint32 tsEcr = 0;
    int sackBlockCount = 0;
    std::array<std::pair<quint32, quint32>, 4> sackBlocks {};
};

// One IPv4 or IPv6 packet carrying TCP, as parsed from its bytes. Numbers are in host byte order.
struct TcpSegment {
    quint8 ipVersion = 4;
    quint32 srcAddr = 0; // IPv4 only
    quint32 dstAddr = 0;
    std::array<quint8, 16> srcAddr6 {}; // IPv6 only
    std::array<quint8, 16> dstAddr6 {};
    quint16 ipId = 0;
    quint8 ttl = 0;
    quint16 srcPort = 0;
    quint16 dstPort = 0;
    quint32 seq = 0;
    quint32 ack = 0;
    quint8 flags = 0;
    quint16 window = 0;
    quint16 urgentPointer = 0;
    quint16 checksum = 0;
    int ipHeaderLength = 0; // IPv6: the fixed header and every extension header before TCP
    int tcpHeaderLength = 0;
    quint32 payloadLength = 0; // as the IP header says, even where a capture's snap length cut the bytes
    quint32 ipLength = 0; // the whole IP packet as its header says (Ethernet padding after it is not part of it)
    TcpOptions options;

    // Sequence space the segment occupies: payload plus one for SYN and one for FIN.
    quint32 sequenceLength() const
    {
        return payloadLength + ((flags & TcpFlag::Syn) ? 1 : 0) + ((flags & TcpFlag::Fin) ? 1 : 0);
    }
};

enum class ParseStatus { Ok, Truncated, NotIPv4, BadIpHeader, NotTcp, Fragment, BadTcpHeader, NotIPv6, NotIp };

// What may be missing at the end of the bytes: nothing (a packet from the wire), or payload that a
// capture's snap length cut off (the headers must still be whole).
enum class Completeness { Whole, HeadersOnly };

// Parses an IPv4 packet (as read from a TUN with IFF_NO_PI). Never reads past len.
ParseStatus parseIpv4Tcp(const uchar *data, qsizetype len, TcpSegment &out, Completeness need = Completeness::Whole);
// Parses an IPv6 packet, walking its extension headers (RFC 8200 §4) to TCP. Never reads past len.
ParseStatus parseIpv6Tcp(const uchar *data, qsizetype len, TcpSegment &out, Completeness need = Completeness::Whole);
// IPv4 or IPv6 by the version nibble.
ParseStatus parseIpTcp(const uchar *data, qsizetype len, TcpSegment &out, Completeness need = Completeness::Whole);
// Parses the options area of a TCP header; malformed options end the walk, never the segment.
void parseTcpOptions(const uchar *data, int len, TcpOptions &out);
const char *parseStatusText(ParseStatus status);
