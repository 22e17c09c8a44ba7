// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Makes capture files for tests and benchmarks: TCP segments with known fields, framed for any
// link type SynScope reads, written with libpcap's own writer (pcap_open_dead + pcap_dump).

#include <QByteArray>
#include <QString>
#include <QtEndian>
#include <array>
#include <cstdio>
#include <pcap/pcap.h>
#include <vector>

namespace CaptureWriter {

struct Segment {
    qint64 timeNs = 0; // since the epoch
    bool v6 = false;
    quint32 src = 0, dst = 0; // IPv4
    std::array<quint8, 16> src6 {}, dst6 {};
    quint16 sport = 0, dport = 0;
    quint32 seq = 0, ack = 0;
    quint8 flags = 0;
    quint16 window = 64240;
    int payload = 0;
    int windowScale = -1; // option on a SYN when >= 0
    bool ipv6Extension = false; // a hop-by-hop and a destination options header before TCP
};

inline void put16(QByteArray &b, qsizetype at, quint16 v)
{
    qToBigEndian(v, b.data() + at);
}
inline void put32(QByteArray &b, qsizetype at, quint32 v)
{
    qToBigEndian(v, b.data() + at);
}

// The IP packet of a segment, checksums left zero (neither SynScope nor tshark checks them by default).
inline QByteArray ipPacket(const Segment &s)
{
    QByteArray tcp(20, 0);
    put16(tcp, 0, s.sport);
    put16(tcp, 2, s.dport);
    put32(tcp, 4, s.seq);
    put32(tcp, 8, s.ack);
    tcp[13] = char(s.flags);
    put16(tcp, 14, s.window);
    if (s.windowScale >= 0) {
        // MSS 1460, NOP, window scale
        tcp += QByteArray::fromHex("020405b4010303") + char(s.windowScale);
    }
    tcp[12] = char((tcp.size() / 4) << 4);
    tcp += QByteArray(s.payload, 'x');
    if (!s.v6) {
        QByteArray ip(20, 0);
        ip[0] = 0x45;
        put16(ip, 2, quint16(20 + tcp.size()));
        put16(ip, 4, quint16(s.seq));
        ip[6] = 0x40; // don't fragment
        ip[8] = 64;
        ip[9] = 6;
        put32(ip, 12, s.src);
        put32(ip, 16, s.dst);
        return ip + tcp;
    }
    QByteArray ext;
    quint8 next = 6;
    if (s.ipv6Extension) {
        ext = QByteArray::fromHex("3c00010400000000")
            + QByteArray::fromHex("0600010400000000"); // hop-by-hop → dest opts → TCP
        next = 0;
    }
    QByteArray ip(40, 0);
    ip[0] = 0x60;
    put16(ip, 4, quint16(ext.size() + tcp.size()));
    ip[6] = char(next);
    ip[7] = 64;
    std::copy(s.src6.begin(), s.src6.end(), ip.begin() + 8);
    std::copy(s.dst6.begin(), s.dst6.end(), ip.begin() + 24);
    return ip + ext + tcp;
}

enum class Link { Ethernet, EthernetVlan, Sll, Sll2, NullLittle, NullBig, Raw, Loop };

inline int dlt(Link link)
{
    switch (link) {
    case Link::Ethernet:
    case Link::EthernetVlan:
        return DLT_EN10MB;
    case Link::Sll:
        return DLT_LINUX_SLL;
    case Link::Sll2:
        return 276; // DLT_LINUX_SLL2
    case Link::NullLittle:
    case Link::NullBig:
        return DLT_NULL;
    case Link::Raw:
        return DLT_RAW;
    case Link::Loop:
        return DLT_LOOP;
    }
    return DLT_EN10MB;
}

inline QByteArray frame(Link link, const QByteArray &ip)
{
    const bool v6 = (uchar(ip[0]) >> 4) == 6;
    const quint16 type = v6 ? 0x86dd : 0x0800;
    QByteArray h;
    switch (link) {
    case Link::Ethernet:
        h = QByteArray::fromHex("020000000002020000000001") + QByteArray(2, 0);
        put16(h, 12, type);
        break;
    case Link::EthernetVlan: // 802.1ad outer tag, 802.1Q inner tag
        h = QByteArray::fromHex("020000000002020000000001") + QByteArray::fromHex("88a8006481000065")
            + QByteArray(2, 0);
        put16(h, 20, type);
        break;
    case Link::Sll:
        h = QByteArray(16, 0);
        put16(h, 2, 1); // ARPHRD_ETHER
        put16(h, 4, 6);
        put16(h, 14, type);
        break;
    case Link::Sll2:
        h = QByteArray(20, 0);
        put16(h, 0, type);
        put32(h, 4, 2); // interface index
        put16(h, 8, 1); // ARPHRD_ETHER
        h[11] = 6;
        break;
    case Link::NullLittle:
        h = QByteArray(4, 0);
        qToLittleEndian(quint32(v6 ? 30 : 2), h.data());
        break;
    case Link::NullBig:
        h = QByteArray(4, 0);
        qToBigEndian(quint32(v6 ? 28 : 2), h.data());
        break;
    case Link::Loop:
        h = QByteArray(4, 0);
        qToBigEndian(quint32(v6 ? 24 : 2), h.data());
        break;
    case Link::Raw:
        break;
    }
    QByteArray f = h + ip;
    if ((link == Link::Ethernet || link == Link::EthernetVlan) && f.size() < 60)
        f += QByteArray(60 - f.size(), 0); // Ethernet's minimum frame: padding after the IP packet
    return f;
}

// Writes the segments; false with a message when libpcap cannot. snapLength cuts frames as a
// capture with `tcpdump -s` would.
inline bool write(const QString &path, Link link, const std::vector<Segment> &segments, QString *error,
                  int snapLength = 262144)
{
    pcap_t *dead = pcap_open_dead_with_tstamp_precision(dlt(link), snapLength, PCAP_TSTAMP_PRECISION_NANO);
    if (!dead) {
        *error = QStringLiteral("pcap_open_dead failed");
        return false;
    }
    pcap_dumper_t *dumper = pcap_dump_open(dead, path.toLocal8Bit().constData());
    if (!dumper) {
        *error = QString::fromLocal8Bit(pcap_geterr(dead));
        pcap_close(dead);
        return false;
    }
    for (const Segment &s : segments) {
        const QByteArray f = frame(link, ipPacket(s));
        pcap_pkthdr h {};
        h.ts.tv_sec = time_t(s.timeNs / 1000000000);
        h.ts.tv_usec = suseconds_t(s.timeNs % 1000000000); // nanoseconds: the dumper was opened so
        h.len = bpf_u_int32(f.size());
        h.caplen = bpf_u_int32(qMin<qsizetype>(f.size(), snapLength));
        pcap_dump(reinterpret_cast<u_char *>(dumper), &h, reinterpret_cast<const u_char *>(f.constData()));
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
    return true;
}

} // namespace CaptureWriter
