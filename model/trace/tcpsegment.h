// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <array>

// TCP header flags as they are on the wire (RFC 9293 §3.1, ECE/CWR from RFC 3168).
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

// One IPv4 packet carrying TCP, as parsed from its bytes. Numbers are in host byte order.
struct TcpSegment {
    quint32 srcAddr = 0;
    quint32 dstAddr = 0;
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
    int ipHeaderLength = 0;
    int tcpHeaderLength = 0;
    quint32 payloadLength = 0;
    TcpOptions options;

    // Sequence space the segment occupies: payload plus one for SYN and one for FIN.
    quint32 sequenceLength() const
    {
        return payloadLength + ((flags & TcpFlag::Syn) ? 1 : 0) + ((flags & TcpFlag::Fin) ? 1 : 0);
    }
};

enum class ParseStatus { Ok, Truncated, NotIPv4, BadIpHeader, NotTcp, Fragment, BadTcpHeader };

// Parses an IPv4 packet (as read from a TUN with IFF_NO_PI). Never reads past len.
ParseStatus parseIpv4Tcp(const uchar *data, qsizetype len, TcpSegment &out);
// Parses the options area of a TCP header; malformed options end the walk, never the segment.
void parseTcpOptions(const uchar *data, int len, TcpOptions &out);
const char *parseStatusText(ParseStatus status);
