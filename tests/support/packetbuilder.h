// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <initializer_list>

// The tests' one IPv4/TCP packet builder: packets laid out field by field as RFC 791 and RFC 9293
// put them on the wire, for the parsers, the trace format, the wire and the generated traces.
namespace testsupport {

// Big-endian stores into a packet or an option area.
void put16(QByteArray &b, qsizetype at, quint16 v);
void put32(QByteArray &b, qsizetype at, quint32 v);
QByteArray bytes(std::initializer_list<int> values);

// An IPv4 packet carrying TCP. The checksums are whatever the fields say (no reader here checks
// them): a test that needs a bad one sets it.
struct Ipv4TcpPacket {
    quint32 src = 0x0a000001; // 10.0.0.1, the lab's client
    quint32 dst = 0x0a000002; // 10.0.0.2, the lab's server
    quint16 ipId = 0;
    quint8 ttl = 64;
    quint8 protocol = 6;
    quint16 ipChecksum = 0;
    quint16 fragment = 0x4000; // DF, as Linux sends TCP
    QByteArray ipOptions; // a multiple of 4 bytes
    quint16 sport = 40000;
    quint16 dport = 9877;
    quint32 seq = 0;
    quint32 ack = 0;
    quint8 flags = 0;
    quint16 window = 64240;
    quint16 checksum = 0;
    quint16 urgent = 0;
    QByteArray options; // a multiple of 4 bytes
    QByteArray payload;

    QByteArray build() const;
};

} // namespace testsupport
