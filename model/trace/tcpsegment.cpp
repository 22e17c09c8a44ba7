// SPDX-License-Identifier: GPL-3.0-or-later
#include "tcpsegment.h"

namespace {
quint16 be16(const uchar *p) { return quint16((p[0] << 8) | p[1]); }
quint32 be32(const uchar *p) { return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3]; }
}

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
        if (i + 1 >= len)
            break;
        const int optLen = p[i + 1];
        if (optLen < 2 || i + optLen > len)
            break;
        const uchar *v = p + i + 2;
        switch (kind) {
        case 2:
            if (optLen == 4)
                o.mss = be16(v);
            break;
        case 3:
            if (optLen == 3)
                o.windowScale = v[0];
            break;
        case 4:
            if (optLen == 2)
                o.sackPermitted = true;
            break;
        case 5:
            for (int b = 0; b + 8 <= optLen - 2 && o.sackBlockCount < int(o.sackBlocks.size()); b += 8)
                o.sackBlocks[size_t(o.sackBlockCount++)] = { be32(v + b), be32(v + b + 4) };
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

ParseStatus parseIpv4Tcp(const uchar *d, qsizetype len, TcpSegment &s)
{
    if (len < 1)
        return ParseStatus::Truncated;
    if ((d[0] >> 4) != 4)
        return ParseStatus::NotIPv4;
    if (len < 20)
        return ParseStatus::Truncated;
    const int ihl = (d[0] & 0x0f) * 4;
    const int totalLength = be16(d + 2);
    if (ihl < 20 || totalLength < ihl)
        return ParseStatus::BadIpHeader;
    if (totalLength > len)
        return ParseStatus::Truncated;
    if (d[9] != 6)
        return ParseStatus::NotTcp;
    if ((be16(d + 6) & 0x3fff) != 0) // more-fragments bit or a fragment offset
        return ParseStatus::Fragment;
    s.ipId = be16(d + 4);
    s.ttl = d[8];
    s.srcAddr = be32(d + 12);
    s.dstAddr = be32(d + 16);
    s.ipHeaderLength = ihl;

    const uchar *t = d + ihl;
    const int tcpAvailable = totalLength - ihl;
    if (tcpAvailable < 20)
        return ParseStatus::Truncated;
    const int dataOffset = (t[12] >> 4) * 4;
    if (dataOffset < 20)
        return ParseStatus::BadTcpHeader;
    if (dataOffset > tcpAvailable)
        return ParseStatus::Truncated;
    s.srcPort = be16(t);
    s.dstPort = be16(t + 2);
    s.seq = be32(t + 4);
    s.ack = be32(t + 8);
    s.flags = t[13];
    s.window = be16(t + 14);
    s.checksum = be16(t + 16);
    s.urgentPointer = be16(t + 18);
    s.tcpHeaderLength = dataOffset;
    s.payloadLength = quint32(tcpAvailable - dataOffset);
    s.options = TcpOptions {};
    parseTcpOptions(t + 20, dataOffset - 20, s.options);
    return ParseStatus::Ok;
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
    }
    return "unknown";
}
