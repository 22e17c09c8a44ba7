// SPDX-License-Identifier: GPL-3.0-or-later
#include "linklayer.h"

#include <QCoreApplication>

namespace {
// https://www.tcpdump.org/linktypes.html
enum : int {
    kNull = 0, // BSD loopback: 4-byte address family in the writer's byte order
    kEthernet = 1,
    kDltRaw = 12, // DLT_RAW on Linux and most systems (the file says LINKTYPE_RAW 101)
    kRaw = 101,
    kLoop = 108, // OpenBSD loopback: address family in network byte order
    kSll = 113,
    kIpv4 = 228,
    kIpv6 = 229,
    kSll2 = 276,
};

quint16 be16(const uchar *p) { return quint16((p[0] << 8) | p[1]); }

bool isVlan(quint16 etherType)
{
    // 802.1Q, 802.1ad (QinQ), and the pre-standard QinQ tag some switches still send.
    return etherType == 0x8100 || etherType == 0x88a8 || etherType == 0x9100;
}

// After an EtherType at the start of the payload: skips stacked VLAN tags (TCI, then the next type).
LinkLayer::Frame afterEtherType(quint16 type, const uchar *data, qsizetype length, qsizetype payload, qsizetype &ip)
{
    while (isVlan(type)) {
        if (payload + 4 > length)
            return LinkLayer::Frame::Truncated;
        type = be16(data + payload + 2);
        payload += 4;
    }
    if (type != 0x0800 && type != 0x86dd)
        return LinkLayer::Frame::NotIp;
    ip = payload;
    return LinkLayer::Frame::Ip;
}

bool isInetFamily(quint32 af)
{
    // AF_INET is 2 everywhere; AF_INET6 is 24 on NetBSD/OpenBSD/BSD/OS, 28 on FreeBSD and
    // DragonFly, 30 on macOS (Wireshark accepts the same three).
    return af == 2 || af == 24 || af == 28 || af == 30;
}
}

namespace LinkLayer {

bool isSupported(int linkType)
{
    switch (linkType) {
    case kNull:
    case kEthernet:
    case kDltRaw:
    case kRaw:
    case kLoop:
    case kSll:
    case kIpv4:
    case kIpv6:
    case kSll2:
        return true;
    default:
        return false;
    }
}

QString name(int linkType)
{
    switch (linkType) {
    case kNull:
        return QCoreApplication::translate("LinkLayer", "BSD loopback");
    case kEthernet:
        return QCoreApplication::translate("LinkLayer", "Ethernet");
    case kDltRaw:
    case kRaw:
        return QCoreApplication::translate("LinkLayer", "raw IP");
    case kLoop:
        return QCoreApplication::translate("LinkLayer", "OpenBSD loopback");
    case kSll:
        return QCoreApplication::translate("LinkLayer", "Linux cooked (SLL)");
    case kIpv4:
        return QCoreApplication::translate("LinkLayer", "raw IPv4");
    case kIpv6:
        return QCoreApplication::translate("LinkLayer", "raw IPv6");
    case kSll2:
        return QCoreApplication::translate("LinkLayer", "Linux cooked (SLL2)");
    default:
        return QCoreApplication::translate("LinkLayer", "link type %1").arg(linkType);
    }
}

QString supportedNames()
{
    return QCoreApplication::translate(
        "LinkLayer", "Ethernet (with VLAN tags), Linux cooked (SLL, SLL2), raw IPv4/IPv6 and BSD/OpenBSD loopback");
}

Frame locateIp(int linkType, const uchar *d, qsizetype length, qsizetype &ip)
{
    switch (linkType) {
    case kEthernet:
        if (length < 14)
            return Frame::Truncated;
        return afterEtherType(be16(d + 12), d, length, 14, ip);
    case kSll: // packet type, ARPHRD, address length, 8 address bytes, protocol
        if (length < 16)
            return Frame::Truncated;
        return afterEtherType(be16(d + 14), d, length, 16, ip);
    case kSll2: // protocol, reserved, interface index, ARPHRD, packet type, address length, 8 address bytes
        if (length < 20)
            return Frame::Truncated;
        return afterEtherType(be16(d), d, length, 20, ip);
    case kNull:
    case kLoop: {
        if (length < 4)
            return Frame::Truncated;
        const quint32 big = (quint32(d[0]) << 24) | (quint32(d[1]) << 16) | (quint32(d[2]) << 8) | d[3];
        const quint32 little = (quint32(d[3]) << 24) | (quint32(d[2]) << 16) | (quint32(d[1]) << 8) | d[0];
        // The family is a small number: whichever byte order makes it one is the writer's.
        const quint32 af = linkType == kLoop ? big : ((little & 0xffff0000u) ? big : little);
        if (!isInetFamily(af))
            return Frame::NotIp;
        ip = 4;
        return Frame::Ip;
    }
    case kDltRaw:
    case kRaw:
    case kIpv4:
    case kIpv6:
        if (length < 1)
            return Frame::Truncated;
        ip = 0;
        return Frame::Ip;
    default:
        return Frame::NotIp;
    }
}

}
