// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

// The link-layer headers a capture's frames may start with, as far as SynScope needs them: what the
// frame carries after them, named by its EtherType, and where it starts. Link types are the
// LINKTYPE_ values of pcap/pcapng files and the DLT_ values libpcap reports (they agree except raw
// IP: LINKTYPE_RAW 101 is DLT_RAW 12 on Linux). What comes after the link layer (VLAN tags, MPLS,
// PPPoE, IP and the tunnels inside it) is PacketDecoder's.
namespace LinkLayer {

// EtherTypes the link layers hand on (IEEE 802 numbers; PPP, HDLC, SLL and loopback protocols are
// translated to them).
namespace EtherType {
enum : quint16 {
    Ipv4 = 0x0800,
    Ipv6 = 0x86dd,
    Vlan = 0x8100, // 802.1Q
    QinQ = 0x88a8, // 802.1ad
    QinQOld = 0x9100, // the pre-standard QinQ tag some switches still send
    Mpls = 0x8847,
    MplsMulticast = 0x8848,
    PppoeSession = 0x8864,
    Ethernet = 0x6558, // transparent Ethernet bridging: a whole Ethernet frame follows
};
}

enum class Frame {
    Payload, // what follows the link header: Payload::type at Payload::offset
    NotIp, // ARP, LLDP, 802.11 management, an unknown address family, ...: nothing for SynScope
    Truncated, // the link-layer header itself is cut (snap length, or a damaged frame)
    Encrypted, // an 802.11 frame whose payload is protected (WEP, WPA): no TCP can be read
    Undecoded, // a payload SynScope does not take apart: Payload::undecoded says which
};

// Payloads a frame may carry that could hold TCP but that SynScope does not decode.
enum class Undecoded : quint8 {
    None,
    WlanAggregate, // an 802.11 A-MSDU (several packets in one frame)
    WlanFragment, // a fragment of an 802.11 frame
    PppCompressed, // PPP with compressed (Van Jacobson or CCP) or encrypted datagrams
};

struct Payload {
    quint16 type = 0; // an EtherType
    qsizetype offset = 0; // where the payload starts in the frame
    Undecoded undecoded = Undecoded::None;
};

bool isSupported(int linkType);
// "Ethernet", "Linux cooked (SLL2)", or "link type 147" for one SynScope does not read.
QString name(int linkType);
// The link types SynScope reads, for messages.
QString supportedNames();
Frame locate(int linkType, const uchar *data, qsizetype length, Payload &out);

} // namespace LinkLayer
