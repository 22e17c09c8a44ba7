// SPDX-License-Identifier: GPL-3.0-or-later
#include "linklayer.h"

#include <QCoreApplication>

namespace {
// https://www.tcpdump.org/linktypes.html
enum : int {
    kNull = 0, // BSD loopback: 4-byte address family in the writer's byte order
    kEthernet = 1,
    kPpp = 9, // PPP: an HDLC-like address and control (FF 03) may come first
    kDltRaw = 12, // DLT_RAW on Linux and most systems (the file says LINKTYPE_RAW 101)
    kPppHdlc = 50, // PPP in HDLC-like framing (RFC 1662), or Cisco HDLC framing
    kPppEther = 51, // PPPoE session header, then PPP
    kRaw = 101,
    kCiscoHdlc = 104,
    kWlan = 105, // IEEE 802.11
    kLoop = 108, // OpenBSD loopback: address family in network byte order
    kSll = 113,
    kRadiotap = 127, // radiotap header, then IEEE 802.11
    kPpi = 192, // Per-Packet Information header, then the link type it names
    kIpv4 = 228,
    kIpv6 = 229,
    kNflog = 239, // Linux netfilter log: a header and TLVs, one of which is the packet
    kSll2 = 276,
};

// Linux ARPHRD_ values the cooked headers name.
enum : quint16 { kArphrdIpGre = 778, kArphrdIeee80211 = 801, kArphrdRadiotap = 803 };

using LinkLayer::Frame;
using LinkLayer::Payload;
namespace EtherType = LinkLayer::EtherType;

quint16 be16(const uchar *p)
{
    return quint16((p[0] << 8) | p[1]);
}
quint16 le16(const uchar *p)
{
    return quint16(p[0] | (p[1] << 8));
}
quint32 le32(const uchar *p)
{
    return quint32(p[0]) | (quint32(p[1]) << 8) | (quint32(p[2]) << 16) | (quint32(p[3]) << 24);
}

Frame payload(quint16 type, qsizetype offset, Payload &out)
{
    out = Payload {type, offset, LinkLayer::Undecoded::None};
    return Frame::Payload;
}

// An 802.2 LLC header at `at`: only SNAP with an EtherType (RFC 1042, and 802.1H's bridge-tunnel
// OUI) carries IP; the other SAPs (STP, NetBIOS, IPX) do not.
Frame llc(const uchar *d, qsizetype length, qsizetype at, Payload &out)
{
    if (at + 3 > length) return Frame::Truncated;
    if (d[at] != 0xaa || d[at + 1] != 0xaa || d[at + 2] != 0x03) return Frame::NotIp;
    if (at + 8 > length) return Frame::Truncated;
    if (d[at + 3] != 0 || d[at + 4] != 0 || (d[at + 5] != 0 && d[at + 5] != 0xf8)) return Frame::NotIp;
    return payload(be16(d + at + 6), at + 8, out);
}

// An Ethernet frame's type field: an EtherType, or (up to 1500) the length of an 802.3 frame whose
// LLC header says what it carries.
Frame ethernet(const uchar *d, qsizetype length, Payload &out)
{
    if (length < 14) return Frame::Truncated;
    const quint16 type = be16(d + 12);
    if (type >= 0x0600) return payload(type, 14, out);
    if (type > 1500) return Frame::NotIp;
    return llc(d, length, 14, out);
}

// A Linux cooked header's protocol field: an EtherType, or for some hardware types something else.
Frame cooked(quint16 protocol, quint16 hatype, const uchar *d, qsizetype length, qsizetype at, Payload &out);

// An IEEE 802.11 frame at `at` (the MAC header, no radio header before it). `padded`: radiotap's
// "data pad" flag, 32-bit alignment between the MAC header and the payload.
Frame wlan(const uchar *d, qsizetype length, qsizetype at, bool padded, Payload &out)
{
    if (at + 2 > length) return Frame::Truncated;
    const quint8 fc0 = d[at];
    const quint8 fc1 = d[at + 1];
    if ((fc0 & 0x03) != 0 || ((fc0 >> 2) & 0x03) != 2)
        return Frame::NotIp; // another protocol version, or management and control frames
    const int subtype = fc0 >> 4;
    if (subtype & 0x04) return Frame::NotIp; // null data frames carry nothing
    const bool qos = subtype & 0x08;
    qsizetype header = 24;
    if ((fc1 & 0x03) == 0x03) // to and from the distribution system: a fourth address
        header += 6;
    qsizetype qosAt = at + header;
    if (qos) header += 2;
    if (qos && (fc1 & 0x80)) // +HTC: an HT control field follows the QoS control
        header += 4;
    if (at + header > length) return Frame::Truncated;
    if (fc1 & 0x40) return Frame::Encrypted;
    if (qos && (d[qosAt] & 0x80)) {
        out.undecoded = LinkLayer::Undecoded::WlanAggregate;
        return Frame::Undecoded;
    }
    const quint16 sequenceControl = le16(d + at + 22);
    if ((fc1 & 0x04) || (sequenceControl & 0x0f)) { // more fragments, or a fragment number
        out.undecoded = LinkLayer::Undecoded::WlanFragment;
        return Frame::Undecoded;
    }
    if (padded) header = (header + 3) & ~qsizetype(3);
    return llc(d, length, at + header, out);
}

// A radiotap header: its length, and from its flags field whether the MAC header is padded.
Frame radiotap(const uchar *d, qsizetype length, qsizetype at, Payload &out)
{
    if (at + 8 > length) return Frame::Truncated;
    const qsizetype headerLength = le16(d + at + 2);
    if (d[at] != 0 || headerLength < 8) return Frame::NotIp;
    if (at + headerLength > length) return Frame::Truncated;
    // The first present bitmap says whether TSFT (bit 0, 8 bytes aligned to 8) and flags (bit 1)
    // are there; further bitmaps follow while bit 31 is set.
    const quint32 present = le32(d + at + 4);
    qsizetype field = 8;
    for (quint32 word = present; (word & 0x80000000u) && field + 4 <= headerLength; field += 4)
        word = le32(d + at + field);
    bool padded = false;
    if (present & 0x02) {
        if (present & 0x01) field = ((field + 7) & ~qsizetype(7)) + 8;
        if (field < headerLength) padded = d[at + field] & 0x20;
    }
    return wlan(d, length, at + headerLength, padded, out);
}

Frame cooked(quint16 protocol, quint16 hatype, const uchar *d, qsizetype length, qsizetype at, Payload &out)
{
    switch (hatype) {
    case kArphrdIeee80211:
        return wlan(d, length, at, false, out);
    case kArphrdRadiotap:
        return radiotap(d, length, at, out);
    case kArphrdIpGre: // the protocol field is the GRE protocol type: an EtherType too
        return payload(protocol, at, out);
    default:
        break;
    }
    if (protocol == 0x0004) // ETH_P_802_2: an LLC header follows
        return llc(d, length, at, out);
    if (protocol < 0x0600) return Frame::NotIp; // Novell 802.3, CAN, ...: Linux's own numbers, not EtherTypes
    return payload(protocol, at, out);
}

// A PPP protocol number at `at` (one byte when compressed: its low bit set), as an EtherType.
Frame ppp(const uchar *d, qsizetype length, qsizetype at, Payload &out)
{
    if (at + 1 > length) return Frame::Truncated;
    quint16 protocol = d[at];
    qsizetype after = at + 1;
    if (!(protocol & 0x01)) {
        if (at + 2 > length) return Frame::Truncated;
        protocol = be16(d + at);
        after = at + 2;
    }
    switch (protocol) {
    case 0x0021:
        return payload(EtherType::Ipv4, after, out);
    case 0x0057:
        return payload(EtherType::Ipv6, after, out);
    case 0x0281:
        return payload(EtherType::Mpls, after, out);
    case 0x0283:
        return payload(EtherType::MplsMulticast, after, out);
    case 0x002d: // Van Jacobson compressed TCP/IP
    case 0x002f: // Van Jacobson uncompressed TCP/IP (its protocol byte is rewritten)
    case 0x00fd: // compressed datagram (CCP)
    case 0x0053: // encrypted datagram (ECP)
        out.undecoded = LinkLayer::Undecoded::PppCompressed;
        return Frame::Undecoded;
    default:
        return Frame::NotIp; // LCP, IPCP, authentication, ...
    }
}

// PPP that may start with the HDLC-like address and control bytes (FF 03), which are optional.
Frame pppFramed(const uchar *d, qsizetype length, Payload &out)
{
    if (length >= 2 && d[0] == 0xff && d[1] == 0x03) return ppp(d, length, 2, out);
    return ppp(d, length, 0, out);
}

// Cisco HDLC: address (0x0f unicast, 0x8f broadcast), control, then an EtherType.
Frame ciscoHdlc(const uchar *d, qsizetype length, Payload &out)
{
    if (length < 4) return Frame::Truncated;
    return payload(be16(d + 2), 4, out);
}

// NFLOG: family, version, resource id, then TLVs (length and type in host order, 4-byte aligned);
// type 9 is the packet, from its network header on.
Frame nflog(const uchar *d, qsizetype length, Payload &out)
{
    if (length < 4) return Frame::Truncated;
    const quint8 family = d[0];
    if (family != 2 && family != 10) return Frame::NotIp;
    for (qsizetype at = 4; at + 4 <= length;) {
        const qsizetype tlvLength = le16(d + at);
        const quint16 type = le16(d + at + 2) & 0x7fff;
        if (tlvLength < 4) return Frame::NotIp;
        if (type == 9) return payload(family == 2 ? EtherType::Ipv4 : EtherType::Ipv6, at + 4, out);
        at += (tlvLength + 3) & ~qsizetype(3);
    }
    return Frame::NotIp;
}

bool isInetFamily(quint32 af)
{
    // AF_INET is 2 everywhere; AF_INET6 is 24 on NetBSD/OpenBSD/BSD/OS, 28 on FreeBSD and
    // DragonFly, 30 on macOS (Wireshark accepts the same three).
    return af == 2 || af == 24 || af == 28 || af == 30;
}
} // namespace

namespace LinkLayer {

bool isSupported(int linkType)
{
    switch (linkType) {
    case kNull:
    case kEthernet:
    case kPpp:
    case kDltRaw:
    case kPppHdlc:
    case kPppEther:
    case kRaw:
    case kCiscoHdlc:
    case kWlan:
    case kLoop:
    case kSll:
    case kRadiotap:
    case kPpi:
    case kIpv4:
    case kIpv6:
    case kNflog:
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
    case kPpp:
        return QCoreApplication::translate("LinkLayer", "PPP");
    case kDltRaw:
    case kRaw:
        return QCoreApplication::translate("LinkLayer", "raw IP");
    case kPppHdlc:
        return QCoreApplication::translate("LinkLayer", "PPP in HDLC framing");
    case kPppEther:
        return QCoreApplication::translate("LinkLayer", "PPPoE");
    case kCiscoHdlc:
        return QCoreApplication::translate("LinkLayer", "Cisco HDLC");
    case kWlan:
        return QCoreApplication::translate("LinkLayer", "IEEE 802.11");
    case kLoop:
        return QCoreApplication::translate("LinkLayer", "OpenBSD loopback");
    case kSll:
        return QCoreApplication::translate("LinkLayer", "Linux cooked (SLL)");
    case kRadiotap:
        return QCoreApplication::translate("LinkLayer", "IEEE 802.11 with radiotap");
    case kPpi:
        return QCoreApplication::translate("LinkLayer", "IEEE 802.11 with PPI");
    case kIpv4:
        return QCoreApplication::translate("LinkLayer", "raw IPv4");
    case kIpv6:
        return QCoreApplication::translate("LinkLayer", "raw IPv6");
    case kNflog:
        return QCoreApplication::translate("LinkLayer", "Linux NFLOG");
    case kSll2:
        return QCoreApplication::translate("LinkLayer", "Linux cooked (SLL2)");
    default:
        return QCoreApplication::translate("LinkLayer", "link type %1").arg(linkType);
    }
}

QString supportedNames()
{
    return QCoreApplication::translate(
        "LinkLayer",
        "Ethernet, Linux cooked (SLL, SLL2), raw IPv4/IPv6, BSD/OpenBSD loopback, PPP, Cisco HDLC, IEEE 802.11 "
        "(plain, radiotap, PPI) and Linux NFLOG");
}

Frame locate(int linkType, const uchar *d, qsizetype length, Payload &out)
{
    out = Payload {};
    switch (linkType) {
    case kEthernet:
        return ethernet(d, length, out);
    case kSll: // packet type, ARPHRD, address length, 8 address bytes, protocol
        if (length < 16) return Frame::Truncated;
        return cooked(be16(d + 14), be16(d + 2), d, length, 16, out);
    case kSll2: // protocol, reserved, interface index, ARPHRD, packet type, address length, 8 address bytes
        if (length < 20) return Frame::Truncated;
        return cooked(be16(d), be16(d + 8), d, length, 20, out);
    case kNull:
    case kLoop: {
        if (length < 4) return Frame::Truncated;
        const quint32 big = (quint32(d[0]) << 24) | (quint32(d[1]) << 16) | (quint32(d[2]) << 8) | d[3];
        const quint32 little = le32(d);
        // The family is a small number: whichever byte order makes it one is the writer's.
        const quint32 af = linkType == kLoop ? big : ((little & 0xffff0000u) ? big : little);
        if (!isInetFamily(af)) return Frame::NotIp;
        return payload(af == 2 ? EtherType::Ipv4 : EtherType::Ipv6, 4, out);
    }
    case kDltRaw:
    case kRaw:
    case kIpv4:
    case kIpv6:
        if (length < 1) return Frame::Truncated;
        // The version nibble decides, as for every IP packet.
        return payload(linkType == kIpv6 ? EtherType::Ipv6 : EtherType::Ipv4, 0, out);
    case kPpp:
        return pppFramed(d, length, out);
    case kPppHdlc:
        if (length >= 1 && (d[0] == 0x0f || d[0] == 0x8f)) return ciscoHdlc(d, length, out);
        return pppFramed(d, length, out);
    case kPppEther:
        return payload(EtherType::PppoeSession, 0, out);
    case kCiscoHdlc:
        return ciscoHdlc(d, length, out);
    case kWlan:
        return wlan(d, length, 0, false, out);
    case kRadiotap:
        return radiotap(d, length, 0, out);
    case kPpi: { // version, flags, header length, then the DLT of what follows (little-endian)
        if (length < 8) return Frame::Truncated;
        const qsizetype headerLength = le16(d + 2);
        const quint32 dlt = le32(d + 4);
        if (headerLength < 8 || headerLength > length) return headerLength > length ? Frame::Truncated : Frame::NotIp;
        if (dlt == kWlan) return wlan(d, length, headerLength, false, out);
        if (dlt == kEthernet) {
            const Frame f = ethernet(d + headerLength, length - headerLength, out);
            out.offset += headerLength;
            return f;
        }
        return Frame::NotIp;
    }
    case kNflog:
        return nflog(d, length, out);
    default:
        return Frame::NotIp;
    }
}

} // namespace LinkLayer
