// SPDX-License-Identifier: GPL-3.0-or-later
#include "tcpsegment.h"

#include <algorithm>

namespace {
quint16 be16(const uchar *p)
{
    return quint16((p[0] << 8) | p[1]);
}
quint32 be32(const uchar *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
}
} // namespace

void parseTcpOptions(const uchar *p, int len, TcpOptions &o)
{
    int i = 0;
    while (i < len) {
        const uchar kind = p[i];
        if (kind == 0) // end of option list
            break;
        if (kind == 1) { // no-operation
            ++i;
            continue;
        }
        if (i + 1 >= len) break;
        const int optLen = p[i + 1];
        if (optLen < 2 || i + optLen > len) break;
        const uchar *v = p + i + 2;
        switch (kind) {
        case 2:
            if (optLen == 4) o.mss = be16(v);
            break;
        case 3:
            if (optLen == 3) o.windowScale = v[0];
            break;
        case 4:
            if (optLen == 2) o.sackPermitted = true;
            break;
        case 5:
            for (int b = 0; b + 8 <= optLen - 2 && o.sackBlockCount < int(o.sackBlocks.size()); b += 8)
                o.sackBlocks[size_t(o.sackBlockCount++)] = {be32(v + b), be32(v + b + 4)};
            break;
        case 8:
            if (optLen == 10) {
                o.hasTimestamps = true;
                o.tsVal = be32(v);
                o.tsEcr = be32(v + 4);
            }
            break;
        default:
            break;
        }
        i += optLen;
    }
}

namespace {
// The TCP header at t, with `available` bytes of the IP payload captured of `ipPayload` the IP header announces.
ParseStatus parseTcpHeader(const uchar *t, qsizetype available, qsizetype ipPayload, TcpSegment &s)
{
    // A header that does not fit in the IP length counts as cut short, as one cut by the capture does.
    const qsizetype limit = qMin(available, ipPayload);
    if (limit < 20) return ParseStatus::Truncated;
    const int dataOffset = (t[12] >> 4) * 4;
    if (dataOffset < 20) return ParseStatus::BadTcpHeader;
    if (dataOffset > limit) return ParseStatus::Truncated;
    s.srcPort = be16(t);
    s.dstPort = be16(t + 2);
    s.seq = be32(t + 4);
    s.ack = be32(t + 8);
    s.flags = t[13];
    s.window = be16(t + 14);
    s.checksum = be16(t + 16);
    s.urgentPointer = be16(t + 18);
    s.tcpHeaderLength = dataOffset;
    s.payloadLength = quint32(ipPayload - dataOffset);
    s.options = TcpOptions {};
    parseTcpOptions(t + 20, dataOffset - 20, s.options);
    return ParseStatus::Ok;
}
} // namespace

ParseStatus parseIpv4Tcp(const uchar *d, qsizetype len, TcpSegment &s, Completeness need)
{
    if (len < 1) return ParseStatus::Truncated;
    if ((d[0] >> 4) != 4) return ParseStatus::NotIPv4;
    if (len < 20) return ParseStatus::Truncated;
    const int ihl = (d[0] & 0x0f) * 4;
    qsizetype totalLength = be16(d + 2);
    // 0 is what a sender with TCP segmentation offload hands its capture before the card cuts the
    // segment up: the packet is all the bytes there are (Wireshark's ip.tso_support, its default).
    if (totalLength == 0) totalLength = len;
    if (ihl < 20 || totalLength < ihl) return ParseStatus::BadIpHeader;
    if (totalLength > len && (need == Completeness::Whole || ihl > len)) return ParseStatus::Truncated;
    if (d[9] != 6) return ParseStatus::NotTcp;
    if ((be16(d + 6) & 0x3fff) != 0) // more-fragments bit or a fragment offset
        return ParseStatus::Fragment;
    s.ipVersion = 4;
    s.ipId = be16(d + 4);
    s.ttl = d[8];
    s.srcAddr = be32(d + 12);
    s.dstAddr = be32(d + 16);
    s.ipHeaderLength = ihl;
    s.ipLength = quint32(totalLength);
    return parseTcpHeader(d + ihl, qMin<qsizetype>(len, totalLength) - ihl, totalLength - ihl, s);
}

namespace {
// The Jumbo Payload option (type 0xc2, RFC 2675 §2) of a hop-by-hop header right after the IPv6
// header, or 0.
qsizetype jumboLength(const uchar *d, qsizetype len)
{
    if (d[6] != 0 || len < 48) return 0;
    const qsizetype end = qMin(len, 40 + (qsizetype(d[41]) + 1) * 8);
    for (qsizetype at = 42; at < end;) {
        const uchar type = d[at];
        if (type == 0) { // Pad1
            ++at;
            continue;
        }
        if (at + 2 > end) break;
        const qsizetype optionLength = d[at + 1];
        if (type == 0xc2 && optionLength == 4 && at + 6 <= end) return qsizetype(be32(d + at + 2));
        at += 2 + optionLength;
    }
    return 0;
}
} // namespace

ParseStatus parseIpv6Tcp(const uchar *d, qsizetype len, TcpSegment &s, Completeness need)
{
    if (len < 1) return ParseStatus::Truncated;
    if ((d[0] >> 4) != 6) return ParseStatus::NotIPv6;
    if (len < 40) return ParseStatus::Truncated;
    qsizetype payloadLength = be16(d + 4);
    if (payloadLength == 0) {
        // A jumbogram (RFC 2675): its length is in the hop-by-hop header's Jumbo Payload option,
        // which is what Linux's BIG TCP sends. Without one there is no length to place TCP by.
        payloadLength = jumboLength(d, len);
        if (payloadLength == 0) return ParseStatus::BadIpHeader;
    }
    const qsizetype total = 40 + payloadLength;
    if (total > len && need == Completeness::Whole) return ParseStatus::Truncated;
    const qsizetype end = qMin(len, total);
    int next = d[6];
    qsizetype at = 40;
    for (;;) {
        if (next == 6) break;
        if (ipv6ExtensionLength(next, 0) != 0) {
            if (at + 2 > end) return at + 2 > total ? ParseStatus::BadIpHeader : ParseStatus::Truncated;
            const qsizetype extLength = ipv6ExtensionLength(next, d[at + 1]);
            if (at + extLength > total) return ParseStatus::BadIpHeader;
            if (at + extLength > end) return ParseStatus::Truncated;
            next = d[at];
            at += extLength;
            continue;
        }
        switch (next) {
        case 44: { // fragment: only an atomic fragment (offset 0, no more fragments) holds a whole segment
            if (at + 8 > total) return ParseStatus::BadIpHeader;
            if (at + 8 > end) return ParseStatus::Truncated;
            if ((be16(d + at + 2) & 0xfff9) != 0) return ParseStatus::Fragment;
            next = d[at];
            at += 8;
            continue;
        }
        default: // ESP, no next header, ICMPv6, UDP, ...
            return ParseStatus::NotTcp;
        }
    }
    s.ipVersion = 6;
    s.ipId = 0;
    s.ttl = d[7];
    std::copy(d + 8, d + 24, s.srcAddr6.begin());
    std::copy(d + 24, d + 40, s.dstAddr6.begin());
    s.srcAddr = 0;
    s.dstAddr = 0;
    s.ipHeaderLength = int(at);
    s.ipLength = quint32(total);
    return parseTcpHeader(d + at, end - at, total - at, s);
}

ParseStatus parseIpTcp(const uchar *d, qsizetype len, TcpSegment &s, Completeness need)
{
    if (len < 1) return ParseStatus::Truncated;
    switch (d[0] >> 4) {
    case 4:
        return parseIpv4Tcp(d, len, s, need);
    case 6:
        return parseIpv6Tcp(d, len, s, need);
    default:
        return ParseStatus::NotIp;
    }
}

const char *parseStatusText(ParseStatus status)
{
    switch (status) {
    case ParseStatus::Ok:
        return "ok";
    case ParseStatus::Truncated:
        return "truncated packet";
    case ParseStatus::NotIPv4:
        return "not IPv4";
    case ParseStatus::BadIpHeader:
        return "malformed IPv4 header";
    case ParseStatus::NotTcp:
        return "not TCP";
    case ParseStatus::Fragment:
        return "IP fragment";
    case ParseStatus::BadTcpHeader:
        return "malformed TCP header";
    case ParseStatus::NotIPv6:
        return "not IPv6";
    case ParseStatus::NotIp:
        return "neither IPv4 nor IPv6";
    }
    return "unknown";
}
