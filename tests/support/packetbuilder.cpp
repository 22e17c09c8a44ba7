// SPDX-License-Identifier: GPL-3.0-or-later
#include "packetbuilder.h"

namespace testsupport {

void put16(QByteArray &b, qsizetype at, quint16 v)
{
    b[at] = char(v >> 8);
    b[at + 1] = char(v);
}

void put32(QByteArray &b, qsizetype at, quint32 v)
{
    put16(b, at, quint16(v >> 16));
    put16(b, at + 2, quint16(v));
}

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray b;
    for (int v : values)
        b.append(char(v));
    return b;
}

QByteArray Ipv4TcpPacket::build() const
{
    const int ihl = 20 + int(ipOptions.size());
    const int thl = 20 + int(options.size());
    QByteArray b(ihl + thl + payload.size(), '\0');
    b[0] = char(0x40 | (ihl / 4));
    put16(b, 2, quint16(b.size()));
    put16(b, 4, ipId);
    put16(b, 6, fragment);
    b[8] = char(ttl);
    b[9] = char(protocol);
    put16(b, 10, ipChecksum);
    put32(b, 12, src);
    put32(b, 16, dst);
    b.replace(20, ipOptions.size(), ipOptions);
    put16(b, ihl, sport);
    put16(b, ihl + 2, dport);
    put32(b, ihl + 4, seq);
    put32(b, ihl + 8, ack);
    b[ihl + 12] = char((thl / 4) << 4);
    b[ihl + 13] = char(flags);
    put16(b, ihl + 14, window);
    put16(b, ihl + 16, checksum);
    put16(b, ihl + 18, urgent);
    b.replace(ihl + 20, options.size(), options);
    b.replace(ihl + thl, payload.size(), payload);
    return b;
}

} // namespace testsupport
