// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A generated capture with known content, for the import tests: five TCP connections (labelled
// as generated: no kernel sent these segments) with a handshake, data, an out-of-order segment,
// duplicate ACKs and a fast retransmission, a timeout retransmission, a zero window, both closes
// (FIN, RST), a reused port pair, a connection joined in the middle, and one over IPv6 with
// extension headers.

#include "capturewriter.h"

namespace GeneratedCapture {

using CaptureWriter::Segment;

constexpr qint64 kStart = qint64(1700000000) * 1000000000;
constexpr qint64 ms(double v)
{
    return kStart + qint64(v * 1e6);
}
constexpr quint32 v4(int a, int b, int c, int d)
{
    return quint32(a) << 24 | quint32(b) << 16 | quint32(c) << 8 | quint32(d);
}

namespace F {
enum : quint8 { Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10 };
}

inline std::vector<Segment> segments()
{
    std::vector<Segment> out;
    const auto add = [&](double t, quint32 src, quint16 sport, quint32 dst, quint16 dport, quint32 seq, quint32 ack,
                         quint8 flags, int payload = 0, quint16 window = 502, int ws = -1) {
        Segment s;
        s.timeNs = ms(t);
        s.src = src;
        s.dst = dst;
        s.sport = sport;
        s.dport = dport;
        s.seq = seq;
        s.ack = ack;
        s.flags = flags;
        s.payload = payload;
        s.window = window;
        s.windowScale = ws;
        out.push_back(s);
    };
    const quint32 c = v4(10, 1, 0, 1), s = v4(10, 1, 0, 2), c2 = v4(10, 1, 0, 3), c4 = v4(10, 1, 0, 4);
    // Stream 0: the client's connection, all the analysis cases.
    const auto up = [&](double t, quint32 seq, quint32 ack, quint8 flags, int payload = 0, quint16 window = 502) {
        add(t, c, 40000, s, 80, seq, ack, flags, payload, window);
    };
    const auto down = [&](double t, quint32 seq, quint32 ack, quint8 flags, int payload = 0, quint16 window = 502) {
        add(t, s, 80, c, 40000, seq, ack, flags, payload, window);
    };
    add(0, c, 40000, s, 80, 1000, 0, F::Syn, 0, 64240, 7);
    // Stream 1: refused.
    add(1, c2, 40001, s, 81, 3000, 0, F::Syn, 0, 64240, 7);
    add(2, s, 81, c2, 40001, 0, 3001, F::Rst | F::Ack, 0, 0);
    // Not TCP (UDP): no stream number.
    add(3, c, 5353, s, 5353, 0, 0, 0);
    out.back().payload = -1; // marks it for the UDP rewrite below
    // Stream 2: joined in the middle, never closed.
    add(5, s, 22, c4, 5555, 7777, 100, F::Psh | F::Ack, 48);
    add(6, c4, 5555, s, 22, 100, 7825, F::Ack);
    add(10, s, 80, c, 40000, 5000, 1001, F::Syn | F::Ack, 0, 65160, 7);
    up(10.1, 1001, 5001, F::Ack);
    up(11, 1001, 5001, F::Psh | F::Ack, 100);
    up(11.1, 1101, 5001, F::Psh | F::Ack, 100);
    up(11.2, 1201, 5001, F::Psh | F::Ack, 100);
    down(21, 5001, 1301, F::Ack);
    up(22, 1401, 5001, F::Psh | F::Ack, 100); // 1301 comes after this one: out of order
    up(22.5, 1301, 5001, F::Psh | F::Ack, 100);
    down(32, 5001, 1501, F::Ack);
    up(33, 1501, 5001, F::Psh | F::Ack, 100);
    up(33.1, 1601, 5001, F::Psh | F::Ack, 100);
    up(33.2, 1701, 5001, F::Psh | F::Ack, 100);
    down(43, 5001, 1601, F::Ack); // 1601 was lost after the capture point
    down(43.1, 5001, 1601, F::Ack); // duplicate ACKs
    down(43.2, 5001, 1601, F::Ack);
    down(43.3, 5001, 1601, F::Ack);
    up(43.5, 1601, 5001, F::Psh | F::Ack, 100); // fast retransmission
    down(54, 5001, 1801, F::Ack);
    up(55, 1801, 5001, F::Psh | F::Ack, 100);
    up(300, 1801, 5001, F::Psh | F::Ack, 100); // retransmission on timeout
    down(310, 5001, 1901, F::Ack);
    down(320, 5001, 1901, F::Ack, 0, 0); // zero window
    down(400, 5001, 1901, F::Ack, 0, 502); // window update
    up(500, 1901, 5001, F::Fin | F::Ack);
    down(510, 5001, 1902, F::Ack);
    down(520, 5001, 1902, F::Fin | F::Ack);
    up(520.1, 1902, 5002, F::Ack);
    // Stream 3: IPv6 with extension headers, closed with FIN.
    Segment six;
    six.v6 = true;
    six.src6 = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    six.dst6 = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
    six.ipv6Extension = true;
    const auto v6 = [&](double t, bool fromClient, quint32 seq, quint32 ack, quint8 flags, int payload = 0) {
        Segment x = six;
        if (!fromClient) std::swap(x.src6, x.dst6);
        x.timeNs = ms(t);
        x.sport = fromClient ? 40002 : 443;
        x.dport = fromClient ? 443 : 40002;
        x.seq = seq;
        x.ack = ack;
        x.flags = flags;
        x.payload = payload;
        out.push_back(x);
    };
    v6(600, true, 100, 0, F::Syn);
    v6(601, false, 900, 101, F::Syn | F::Ack);
    v6(602, true, 101, 901, F::Ack);
    v6(603, true, 101, 901, F::Psh | F::Ack, 10);
    v6(604, false, 901, 111, F::Fin | F::Ack);
    v6(605, true, 111, 902, F::Fin | F::Ack);
    v6(606, false, 902, 112, F::Ack);
    // Stream 4: the ports of stream 0 again, a new connection (new ISN) that the client resets.
    add(1000, c, 40000, s, 80, 90000, 0, F::Syn, 0, 64240, 7);
    add(1010, s, 80, c, 40000, 70000, 90001, F::Syn | F::Ack, 0, 65160, 7);
    add(1010.1, c, 40000, s, 80, 90001, 70001, F::Ack);
    add(1020, c, 40000, s, 80, 90001, 70001, F::Rst | F::Ack);
    return out;
}

// Writes the scenario; the one UDP datagram gets protocol 17 in its IP header.
inline bool write(const QString &path, CaptureWriter::Link link, QString *error, int snapLength = 262144)
{
    std::vector<Segment> all = segments();
    // libpcap's writer takes whole frames, so the UDP one is written through a patched copy.
    pcap_t *dead =
        pcap_open_dead_with_tstamp_precision(CaptureWriter::dlt(link), snapLength, PCAP_TSTAMP_PRECISION_NANO);
    pcap_dumper_t *dumper = dead ? pcap_dump_open(dead, path.toLocal8Bit().constData()) : nullptr;
    if (!dumper) {
        *error = dead ? QString::fromLocal8Bit(pcap_geterr(dead)) : QStringLiteral("pcap_open_dead failed");
        if (dead) pcap_close(dead);
        return false;
    }
    for (Segment s : all) {
        const bool udp = s.payload < 0;
        if (udp) s.payload = 8;
        QByteArray ip = CaptureWriter::ipPacket(s);
        if (udp) ip[9] = 17;
        const QByteArray f = CaptureWriter::frame(link, ip);
        pcap_pkthdr h {};
        h.ts.tv_sec = time_t(s.timeNs / 1000000000);
        h.ts.tv_usec = suseconds_t(s.timeNs % 1000000000);
        h.len = bpf_u_int32(f.size());
        h.caplen = bpf_u_int32(qMin<qsizetype>(f.size(), snapLength));
        pcap_dump(reinterpret_cast<u_char *>(dumper), &h, reinterpret_cast<const u_char *>(f.constData()));
    }
    pcap_dump_close(dumper);
    pcap_close(dead);
    return true;
}

} // namespace GeneratedCapture
