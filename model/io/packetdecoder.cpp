// SPDX-License-Identifier: GPL-3.0-or-later
#include "packetdecoder.h"

#include "capturereader.h"
#include "linklayer.h"

#include <algorithm>
#include <cstring>

namespace {
using Kind = CaptureSkips::Kind;
using Header = CaptureSkips::Header;
using Result = PacketDecoder::Result;
namespace EtherType = LinkLayer::EtherType;

// Nested encapsulations followed at most (an IP-in-IP chain must end somewhere).
constexpr int kMaxDepth = 16;
constexpr int kEthernetLink = 1;
constexpr int kPppLink = 9;

quint16 be16(const uchar *p)
{
    return quint16((p[0] << 8) | p[1]);
}
quint32 be32(const uchar *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
}

// EtherTypes that etherType() takes apart: a tunnel carrying anything else is reported.
bool isDecodedEtherType(quint16 type)
{
    switch (type) {
    case EtherType::Ipv4:
    case EtherType::Ipv6:
    case EtherType::Vlan:
    case EtherType::QinQ:
    case EtherType::QinQOld:
    case EtherType::Mpls:
    case EtherType::MplsMulticast:
    case EtherType::PppoeSession:
    case EtherType::Ethernet:
        return true;
    default:
        return false;
    }
}

// What the first bytes of an MPLS pseudowire's payload must look like to be an Ethernet frame: an
// EtherType that Ethernet frames on a pseudowire carry.
bool looksLikeEthernet(const uchar *p, qsizetype avail)
{
    if (avail < 14) return false;
    const quint16 type = be16(p + 12);
    return type == EtherType::Ipv4 || type == EtherType::Ipv6 || type == EtherType::Vlan || type == EtherType::QinQ
        || type == EtherType::Mpls || type == 0x0806;
}

// The Jumbo Payload option (RFC 2675) of the hop-by-hop header right after an IPv6 header, or 0.
qsizetype jumboLength(const uchar *p, qsizetype avail)
{
    if (p[6] != 0 || avail < 48) return 0;
    const qsizetype end = qMin(avail, 40 + (qsizetype(p[41]) + 1) * 8);
    for (qsizetype at = 42; at < end;) {
        if (p[at] == 0) { // Pad1
            ++at;
            continue;
        }
        if (at + 2 > end) break;
        const qsizetype optionLength = p[at + 1];
        if (p[at] == 0xc2 && optionLength == 4 && at + 6 <= end) return qsizetype(be32(p + at + 2));
        at += 2 + optionLength;
    }
    return 0;
}
} // namespace

PacketDecoder::PacketDecoder(CaptureSkips &skips)
    : m_skips(skips)
{ }

Result PacketDecoder::skip(Kind kind, quint32 detail)
{
    m_skips.add(kind, detail, *m_record);
    return Result::Skipped;
}

Result PacketDecoder::cut(Header header, qsizetype avail, qsizetype reported)
{
    // Fewer bytes than the wire had: the snap length cut the frame (a damaged frame is shorter on
    // the wire too).
    return skip(avail < reported && m_record->capturedLength < m_record->originalLength ? Kind::SnapCut : Kind::Short,
                quint32(header));
}

Result PacketDecoder::decode(const CaptureRecord &r, Found &out)
{
    m_record = &r;
    m_out = &out;
    out.quoted = false;
    if (r.timeOutOfRange) return skip(Kind::TimeOutOfRange);
    if (!LinkLayer::isSupported(r.linkType)) return skip(Kind::LinkType, quint32(r.linkType));
    return linkPayload(r.linkType, r.data, r.capturedLength, qMax(r.originalLength, r.capturedLength), 0, false);
}

Result PacketDecoder::linkPayload(int linkType, const uchar *p, qsizetype avail, qsizetype reported, int depth,
                                  bool inner)
{
    LinkLayer::Payload payload;
    switch (LinkLayer::locate(linkType, p, avail, payload)) {
    case LinkLayer::Frame::Payload:
        break;
    case LinkLayer::Frame::NotIp:
        return Result::NotTcp;
    case LinkLayer::Frame::Truncated:
        // A frame too short for its own link header was damaged before it was captured, or cut.
        return cut(inner ? Header::Ethernet : Header::Link, avail, reported);
    case LinkLayer::Frame::Encrypted:
        return skip(Kind::Encrypted);
    case LinkLayer::Frame::Undecoded:
        return skip(Kind::Undecoded, quint32(payload.undecoded));
    }
    if (payload.offset > avail) return cut(inner ? Header::Ethernet : Header::Link, avail, reported);
    return etherType(payload.type, p + payload.offset, avail - payload.offset, reported - payload.offset, depth);
}

Result PacketDecoder::etherType(quint16 type, const uchar *p, qsizetype avail, qsizetype reported, int depth)
{
    if (++depth > kMaxDepth) return Result::NotTcp;
    switch (type) {
    case EtherType::Ipv4:
    case EtherType::Ipv6:
        return ip(p, avail, reported, depth);
    case EtherType::Vlan:
    case EtherType::QinQ:
    case EtherType::QinQOld:
        if (avail < 4) return cut(Header::Vlan, avail, reported);
        return etherType(be16(p + 2), p + 4, avail - 4, reported - 4, depth);
    case EtherType::Mpls:
    case EtherType::MplsMulticast:
        return mpls(p, avail, reported, depth);
    case EtherType::PppoeSession:
        return pppoe(p, avail, reported, depth);
    case EtherType::Ethernet:
        return linkPayload(kEthernetLink, p, avail, reported, depth, true);
    default:
        return Result::NotTcp;
    }
}

Result PacketDecoder::mpls(const uchar *p, qsizetype avail, qsizetype reported, int depth)
{
    quint32 label = 0;
    for (;;) {
        if (avail < 4) return cut(Header::Mpls, avail, reported);
        label = be32(p) >> 12;
        const bool bottom = p[2] & 0x01;
        p += 4;
        avail -= 4;
        reported -= 4;
        if (bottom) break;
    }
    if (label == 0) // IPv4 explicit null
        return ip(p, avail, reported, depth);
    if (label == 2) // IPv6 explicit null
        return ip(p, avail, reported, depth);
    if (avail < 1) return cut(Header::Mpls, avail, reported);
    switch (p[0] >> 4) {
    case 4:
    case 6:
        return ip(p, avail, reported, depth);
    case 1: // a pseudowire's associated channel: OAM, not traffic
        return Result::NotTcp;
    case 0:
        // An Ethernet pseudowire, with or without the 4-byte control word (whose first nibble is
        // 0). Wireshark also asks its table of vendors for the MAC addresses; an EtherType that
        // Ethernet carries is the check here.
        if (looksLikeEthernet(p, avail)) return linkPayload(kEthernetLink, p, avail, reported, depth, true);
        if (avail >= 4 && looksLikeEthernet(p + 4, avail - 4))
            return linkPayload(kEthernetLink, p + 4, avail - 4, reported - 4, depth, true);
        [[fallthrough]];
    default:
        return skip(Kind::MplsPayload);
    }
}

Result PacketDecoder::pppoe(const uchar *p, qsizetype avail, qsizetype reported, int depth)
{
    if (avail < 8) return cut(Header::Pppoe, avail, reported);
    if (p[0] != 0x11 || p[1] != 0) // version 1, type 1; code 0 is session data
        return Result::NotTcp;
    return linkPayload(kPppLink, p + 6, avail - 6, reported - 6, depth, true);
}

Result PacketDecoder::ip(const uchar *p, qsizetype avail, qsizetype reported, int depth)
{
    if (avail < 1) return cut(Header::Ipv4, avail, reported);
    // The version nibble decides, whatever the EtherType said (as Wireshark's IPv4 dissector does).
    switch (p[0] >> 4) {
    case 4:
        return ipv4(p, avail, reported, depth);
    case 6:
        return ipv6(p, avail, reported, depth);
    default:
        return skip(Kind::Malformed, quint32(Header::Ipv4));
    }
}

Result PacketDecoder::ipv4(const uchar *p, qsizetype avail, qsizetype reported, int depth)
{
    if (avail < 20) return cut(Header::Ipv4, avail, reported);
    const qsizetype ihl = (p[0] & 0x0f) * 4;
    qsizetype total = be16(p + 2);
    // 0: the packet of a sender with TCP segmentation offload, captured before the card cut it up
    // (Wireshark's ip.tso_support). Past the frame: the frame bounds it (tshark's tcp.len does).
    if (total == 0) total = reported;
    if (ihl < 20 || total < ihl) return skip(Kind::Malformed, quint32(Header::Ipv4));
    const qsizetype effective = qMin(total, reported);
    if (ihl > effective) return skip(Kind::Malformed, quint32(Header::Ipv4));
    if (ihl > avail) return cut(Header::Ipv4, avail, reported);
    const quint8 protocol = p[9];
    const quint16 fragmentField = be16(p + 6);
    if (fragmentField & 0x3fff) { // more fragments, or an offset
        Fragment f;
        f.key.version = 4;
        f.key.protocol = protocol;
        f.key.id = be16(p + 4);
        std::copy(p + 12, p + 16, f.key.src.begin() + 12);
        std::copy(p + 16, p + 20, f.key.dst.begin() + 12);
        f.packet = p;
        f.headerLength = ihl;
        f.data = p + ihl;
        f.dataLength = effective - ihl;
        f.offset = qsizetype(fragmentField & 0x1fff) * 8;
        f.more = fragmentField & 0x2000;
        return fragment(f, avail, effective, depth);
    }
    if (protocol == 6) return tcp(p, qMin(avail, effective), effective);
    return transport(protocol, false, p + ihl, qMin(avail, effective) - ihl, effective - ihl, depth);
}

Result PacketDecoder::ipv6(const uchar *p, qsizetype avail, qsizetype reported, int depth)
{
    if (avail < 40) return cut(Header::Ipv6, avail, reported);
    qsizetype payload = be16(p + 4);
    if (payload == 0) {
        // A jumbogram (Linux's BIG TCP); without a Jumbo Payload option Wireshark finds no length
        // (its ipv6.tso_support is off by default), and neither does SynScope.
        payload = jumboLength(p, avail);
        if (payload == 0) return skip(Kind::Malformed, quint32(Header::Ipv6));
    }
    const qsizetype effective = qMin(40 + payload, reported);
    const qsizetype end = qMin(avail, effective);
    int next = p[6];
    qsizetype nextAt = 6;
    qsizetype at = 40;
    for (;;) {
        if (ipv6ExtensionLength(next, 0) != 0) {
            if (at + 2 > end)
                return at + 2 > effective ? skip(Kind::Malformed, quint32(Header::Ipv6))
                                          : cut(Header::Ipv6, avail, reported);
            const qsizetype length = ipv6ExtensionLength(next, p[at + 1]);
            if (at + length > effective) return skip(Kind::Malformed, quint32(Header::Ipv6));
            if (at + length > end) return cut(Header::Ipv6, avail, reported);
            next = p[at];
            nextAt = at;
            at += length;
            continue;
        }
        switch (next) {
        case 44: { // fragment
            if (at + 8 > effective) return skip(Kind::Malformed, quint32(Header::Ipv6));
            if (at + 8 > end) return cut(Header::Ipv6, avail, reported);
            const quint16 field = be16(p + at + 2);
            if ((field & 0xfff9) == 0) { // an atomic fragment (RFC 6946): the whole packet
                next = p[at];
                nextAt = at;
                at += 8;
                continue;
            }
            Fragment f;
            f.key.version = 6;
            f.key.id = be32(p + at + 4);
            std::copy(p + 8, p + 24, f.key.src.begin());
            std::copy(p + 24, p + 40, f.key.dst.begin());
            f.packet = p;
            f.headerLength = at;
            f.nextHeaderAt = nextAt;
            f.nextHeader = p[at];
            f.data = p + at + 8;
            f.dataLength = effective - at - 8;
            f.offset = qsizetype(field & 0xfff8);
            f.more = field & 0x0001;
            return fragment(f, avail, effective, depth);
        }
        default:
            break;
        }
        break;
    }
    if (next == 6) return tcp(p, end, effective);
    return transport(quint8(next), true, p + at, end - at, effective - at, depth);
}

Result PacketDecoder::tcp(const uchar *packet, qsizetype length, qsizetype effective)
{
    Found &out = *m_out;
    const bool v6 = (packet[0] >> 4) == 6;
    switch (parseIpTcp(packet, length, out.segment, Completeness::HeadersOnly)) {
    case ParseStatus::Ok:
        break;
    case ParseStatus::Truncated:
        return cut(Header::Tcp, length, effective);
    case ParseStatus::BadTcpHeader:
        return skip(Kind::Malformed, quint32(Header::Tcp));
    default:
        return skip(Kind::Malformed, quint32(v6 ? Header::Ipv6 : Header::Ipv4));
    }
    TcpSegment &s = out.segment;
    if (qsizetype(s.ipLength) != effective) {
        // The length the frame gives (TSO, or an IP header that claims more than the frame holds).
        const qsizetype payload = effective - s.ipHeaderLength - s.tcpHeaderLength;
        if (payload < 0) return skip(Kind::Malformed, quint32(Header::Tcp));
        s.ipLength = quint32(effective);
        s.payloadLength = quint32(payload);
    }
    out.ip = packet;
    out.ipBytes = qMin(qMin(length, effective), kMaxStoredPacket);
    const CaptureRecord &r = *m_record;
    out.fileOffset =
        packet >= r.data && packet < r.data + r.capturedLength ? r.dataOffset + (packet - r.data) : qsizetype(-1);
    return Result::Tcp;
}

Result PacketDecoder::transport(quint8 protocol, bool v6, const uchar *p, qsizetype avail, qsizetype reported,
                                int depth)
{
    switch (protocol) {
    case 4: // IPv4 in IP
    case 41: // IPv6 in IP (6in4, 6over6)
        return ip(p, avail, reported, depth);
    case 47:
        return gre(p, avail, reported, depth);
    case 17:
        return udp(p, avail, reported, depth);
    case 50:
        return skip(Kind::Esp);
    case 51: { // IPsec AH in IPv4 (IPv6 walks it as an extension header)
        if (avail < 2) return cut(Header::Ah, avail, reported);
        const qsizetype length = (qsizetype(p[1]) + 2) * 4;
        if (length > reported) return skip(Kind::Malformed, quint32(Header::Ah));
        if (length > avail) return cut(Header::Ah, avail, reported);
        if (p[0] == 6) // TCP behind AH in IPv4: the trace's packet parser does not walk it
            return skip(Kind::AhTcp);
        return transport(p[0], v6, p + length, avail - length, reported - length, depth);
    }
    case 1:
        return v6 ? Result::NotTcp : icmpError(false, p, avail);
    case 58:
        return v6 ? icmpError(true, p, avail) : Result::NotTcp;
    default:
        return Result::NotTcp;
    }
}

Result PacketDecoder::icmpError(bool v6, const uchar *p, qsizetype avail)
{
    if (avail < 8) return Result::NotTcp;
    const quint8 type = p[0];
    const bool error =
        v6 ? (type >= 1 && type <= 4) : (type == 3 || type == 4 || type == 5 || type == 11 || type == 12);
    if (!error) return Result::NotTcp;
    // The quoted packet: Wireshark takes its TCP header apart (and numbers its connection) once the
    // fixed 20 bytes are there, whatever options the header announces.
    const uchar *q = p + 8;
    const qsizetype length = avail - 8;
    if (length < 1 || (q[0] >> 4) != (v6 ? 6 : 4)) return Result::NotTcp;
    const ParseStatus status = parseIpTcp(q, length, m_out->segment, Completeness::HeadersOnly);
    if (status == ParseStatus::Truncated) {
        // Options cut off by the quote: the fixed header alone.
        const qsizetype ipHeader = v6 ? 40 : (q[0] & 0x0f) * 4;
        if (length < ipHeader || (v6 && q[6] != 6))
            return Result::NotTcp; // extension headers before a cut TCP header: not worth the walk
        return numberOnly(q, ipHeader, q + ipHeader, length - ipHeader);
    }
    if (status != ParseStatus::Ok) return Result::NotTcp;
    m_out->ip = q;
    m_out->ipBytes = 0;
    m_out->fileOffset = -1;
    m_out->quoted = true;
    return Result::Tcp;
}

Result PacketDecoder::numberOnly(const uchar *ip, qsizetype ipHeader, const uchar *tcp, qsizetype tcpAvail)
{
    // Wireshark numbers the connection of a TCP header it does not analyse once its fixed 20 bytes
    // are there: an IP header made for them alone (no fragment, TCP next, no options) reads them.
    if (tcpAvail < 20) return Result::NotTcp;
    QByteArray fixed(reinterpret_cast<const char *>(ip), ipHeader);
    fixed.append(reinterpret_cast<const char *>(tcp), 20);
    auto *b = reinterpret_cast<uchar *>(fixed.data());
    if ((b[0] >> 4) == 4) {
        b[2] = uchar((ipHeader + 20) >> 8);
        b[3] = uchar(ipHeader + 20);
        b[6] = 0;
        b[7] = 0;
        b[9] = 6;
    } else {
        if (ipHeader != 40) return Result::NotTcp;
        b[4] = 0;
        b[5] = 20;
        b[6] = 6;
    }
    b[ipHeader + 12] = uchar((b[ipHeader + 12] & 0x0f) | 0x50);
    if (parseIpTcp(b, fixed.size(), m_out->segment, Completeness::HeadersOnly) != ParseStatus::Ok)
        return Result::NotTcp;
    m_out->ip = ip;
    m_out->ipBytes = 0;
    m_out->fileOffset = -1;
    m_out->quoted = true;
    return Result::Tcp;
}

Result PacketDecoder::gre(const uchar *p, qsizetype avail, qsizetype reported, int depth)
{
    if (avail < 4) return cut(Header::Gre, avail, reported);
    const quint16 flags = be16(p);
    const quint16 protocol = be16(p + 2);
    qsizetype header = 4;
    switch (flags & 0x0007) {
    case 0: // RFC 2784/2890: checksum (with the reserved word), key, sequence number
        if (flags & 0x4000) return skip(Kind::Gre, CaptureSkips::kGreRouting);
        if (flags & 0x8000) header += 4;
        if (flags & 0x2000) header += 4;
        if (flags & 0x1000) header += 4;
        break;
    case 1: // enhanced GRE of PPTP (RFC 2637): a key (payload length, call id), sequence, acknowledgment
        header += 4;
        if (flags & 0x1000) header += 4;
        if (flags & 0x0080) header += 4;
        break;
    default:
        return skip(Kind::Malformed, quint32(Header::Gre));
    }
    if (header > avail) return cut(Header::Gre, avail, reported);
    p += header;
    avail -= header;
    reported -= header;
    switch (protocol) {
    case 0x880b: // PPP
        return linkPayload(kPppLink, p, avail, reported, depth, true);
    case 0x88be: // ERSPAN: type II (an 8-byte header) when the sequence bit is set, else type I (none)
        if (flags & 0x1000) {
            if (avail < 8) return cut(Header::Erspan, avail, reported);
            p += 8;
            avail -= 8;
            reported -= 8;
        }
        return linkPayload(kEthernetLink, p, avail, reported, depth, true);
    case 0x22eb: { // ERSPAN type III: 12 bytes, and an 8-byte platform subheader when its O bit is set
        if (avail < 12) return cut(Header::Erspan, avail, reported);
        const qsizetype length = (p[11] & 0x01) ? 20 : 12;
        if (avail < length) return cut(Header::Erspan, avail, reported);
        return linkPayload(kEthernetLink, p + length, avail - length, reported - length, depth, true);
    }
    case 0x883e: // WCCP: a 4-byte redirect header unless IPv4 follows at once (WCCPv1)
        if (avail >= 1 && (p[0] >> 4) != 4) {
            if (avail < 4) return cut(Header::Gre, avail, reported);
            return ip(p + 4, avail - 4, reported - 4, depth);
        }
        return ip(p, avail, reported, depth);
    case 0x0000: // a keepalive
        return Result::NotTcp;
    default:
        if (!isDecodedEtherType(protocol)) return skip(Kind::Gre, protocol);
        return etherType(protocol, p, avail, reported, depth);
    }
}

Result PacketDecoder::udp(const uchar *p, qsizetype avail, qsizetype reported, int depth)
{
    if (avail < 8) return Result::NotTcp; // a cut UDP header hides no TCP worth counting
    const quint16 source = be16(p);
    const quint16 destination = be16(p + 2);
    const qsizetype length = be16(p + 4);
    if (length >= 8 && length < reported) reported = length;
    avail = qMin(avail, reported);
    // Wireshark tries the lower port first.
    const quint16 low = qMin(source, destination);
    const quint16 high = qMax(source, destination);
    for (const quint16 port : {low, high}) {
        switch (port) {
        case 4789: // VXLAN: flags, reserved, VNI, reserved; then an Ethernet frame
            if (avail < 16) return cut(Header::Vxlan, avail, reported);
            return linkPayload(kEthernetLink, p + 16, avail - 16, reported - 16, depth, true);
        case 6081: { // Geneve: version and option length, flags, protocol type, VNI; options
            if (avail < 16) return cut(Header::Geneve, avail, reported);
            const qsizetype header = 8 + 8 + qsizetype(p[8] & 0x3f) * 4;
            const quint16 protocol = be16(p + 10);
            if (avail < header) return cut(Header::Geneve, avail, reported);
            if (!isDecodedEtherType(protocol)) return skip(Kind::Geneve, protocol);
            return etherType(protocol, p + header, avail - header, reported - header, depth);
        }
        case 4500: // IPsec NAT traversal: ESP behind a non-zero SPI; a zero marker is IKE
            if (avail >= 16 && be32(p + 8) != 0) return skip(Kind::Esp);
            return Result::NotTcp;
        default:
            break;
        }
    }
    return Result::NotTcp;
}

Result PacketDecoder::fragment(const Fragment &f, qsizetype avail, qsizetype effective, int depth)
{
    // Wireshark reassembles only fragments whose bytes are all there. Of a cut one, it takes apart
    // what the first fragment holds: its TCP header's connection is numbered (as a quoted one is),
    // and no more.
    if (avail < effective || f.dataLength <= 0) {
        if (f.dataLength <= 0) return skip(Kind::Malformed, quint32(f.key.version == 4 ? Header::Ipv4 : Header::Ipv6));
        skip(Kind::FragmentCut);
        const bool tcpNext = f.key.version == 4 ? f.key.protocol == 6 : f.nextHeader == 6 && f.headerLength == 40;
        if (f.offset == 0 && tcpNext
            && numberOnly(f.packet, f.key.version == 4 ? f.headerLength : 40, f.data, avail - (f.data - f.packet))
                == Result::Tcp)
            return Result::Tcp;
        return Result::Skipped;
    }
    auto it = m_waiting.find(f.key);
    if (it == m_waiting.end()) {
        if (qsizetype(m_waiting.size()) >= kMaxWaitingDatagrams) {
            // Too many datagrams waiting: the oldest gives way.
            while (!m_arrivals.empty()) {
                const auto [arrival, key] = m_arrivals.front();
                m_arrivals.pop_front();
                auto old = m_waiting.find(key);
                if (old != m_waiting.end() && old->second.arrival == arrival) {
                    evict(old->second, Kind::FragmentsOverBudget);
                    m_waiting.erase(old);
                    break;
                }
            }
        }
        Datagram d;
        d.arrival = ++m_arrivalCount;
        d.firstNumber = m_record->number;
        d.firstOffset = m_record->blockOffset;
        it = m_waiting.emplace(f.key, std::move(d)).first;
        m_arrivals.emplace_back(it->second.arrival, f.key);
    }
    Datagram &d = it->second;
    ++d.fragments;
    if (f.offset == 0) {
        d.header = QByteArray(reinterpret_cast<const char *>(f.packet), f.headerLength);
        d.nextHeaderAt = f.nextHeaderAt;
        d.nextHeader = f.nextHeader;
    }
    if (!f.more) d.end = f.offset + f.dataLength;
    // Kept in order of offset, a later copy after an earlier one at the same offset: the order
    // Wireshark's reassembly lays them down in (the first wins where they overlap). A copy that
    // brings nothing new is not kept, so a datagram holds at most one piece per offset.
    const auto at = std::upper_bound(d.pieces.begin(), d.pieces.end(), f.offset,
                                     [](qsizetype offset, const Piece &piece) { return offset < piece.offset; });
    if (at != d.pieces.begin() && (at - 1)->offset == f.offset && (at - 1)->bytes.size() >= f.dataLength)
        return Result::Pending;
    d.pieces.insert(at, Piece {f.offset, QByteArray(reinterpret_cast<const char *>(f.data), f.dataLength)});
    d.held += f.dataLength;
    m_held += f.dataLength;
    // Over the budget: the oldest datagrams give way (this one last).
    while (m_held > kFragmentBudget && !m_arrivals.empty()) {
        const auto [arrival, key] = m_arrivals.front();
        m_arrivals.pop_front();
        auto old = m_waiting.find(key);
        if (old == m_waiting.end() || old->second.arrival != arrival) continue;
        const bool self = old->first == f.key;
        evict(old->second, Kind::FragmentsOverBudget);
        m_waiting.erase(old);
        if (self) return Result::Skipped;
    }

    // Complete once the last fragment has come and every byte before it is there (enough bytes
    // held first: the walk over the pieces is only needed then).
    if (d.end < 0 || d.header.isEmpty() || d.held < d.end) return Result::Pending;
    qsizetype covered = 0;
    for (const Piece &piece : d.pieces) {
        if (piece.offset > covered) return Result::Pending;
        covered = qMax(covered, piece.offset + piece.bytes.size());
    }
    if (covered < d.end) return Result::Pending;

    // Put the datagram together: the first fragment's header, then the data, the first copy of
    // each byte winning (as Wireshark keeps overlapping data of the earlier fragment).
    const qsizetype headerLength = d.header.size();
    const qsizetype total = headerLength + d.end;
    m_assembled = d.header;
    m_assembled.resize(total);
    QByteArray filled(d.end, '\0');
    for (const Piece &piece : d.pieces) {
        const qsizetype n = qMin(piece.bytes.size(), d.end - piece.offset);
        for (qsizetype k = 0; k < n; ++k) {
            if (!filled[piece.offset + k]) {
                m_assembled[headerLength + piece.offset + k] = piece.bytes[k];
                filled[piece.offset + k] = 1;
            }
        }
    }
    auto *a = reinterpret_cast<uchar *>(m_assembled.data());
    if (f.key.version == 4) {
        const quint16 length = total <= 0xffff ? quint16(total) : 0; // 0: the bytes say (as TSO)
        a[2] = uchar(length >> 8);
        a[3] = uchar(length);
        a[6] &= 0x40; // keep don't-fragment, clear more-fragments and the offset
        a[7] = 0;
    } else {
        const qsizetype payload = total - 40;
        if (payload > 0xffff) {
            m_held -= d.held;
            m_waiting.erase(it);
            return skip(Kind::Malformed, quint32(Header::Ipv6));
        }
        a[4] = uchar(payload >> 8);
        a[5] = uchar(payload);
        a[d.nextHeaderAt] = d.nextHeader;
    }
    m_held -= d.held;
    m_waiting.erase(it);
    return ip(a, total, total, depth);
}

void PacketDecoder::evict(Datagram &d, CaptureSkips::Kind why)
{
    m_skips.add(why, 0, d.firstNumber, d.firstOffset, d.fragments);
    m_held -= d.held;
}

void PacketDecoder::finish()
{
    while (!m_arrivals.empty()) {
        const auto [arrival, key] = m_arrivals.front();
        m_arrivals.pop_front();
        auto it = m_waiting.find(key);
        if (it == m_waiting.end() || it->second.arrival != arrival) continue;
        evict(it->second, Kind::FragmentsIncomplete);
        m_waiting.erase(it);
    }
}
