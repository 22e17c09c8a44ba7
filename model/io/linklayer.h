// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

// The link-layer headers a capture's frames may start with, as far as SynScope needs them: where the
// IP packet begins. Link types are the LINKTYPE_ values of pcap/pcapng files and the DLT_ values
// libpcap reports (they agree except raw IP: LINKTYPE_RAW 101 is DLT_RAW 12 on Linux).
namespace LinkLayer {

enum class Frame {
    Ip, // the IP packet starts at ipOffset
    NotIp, // ARP, LLDP, an unknown address family, ...: nothing for SynScope
    Truncated, // the link-layer header itself is cut (snap length, or a damaged frame)
};

bool isSupported(int linkType);
// "Ethernet", "Linux cooked (SLL2)", or "link type 147" for one SynScope does not read.
QString name(int linkType);
// The link types SynScope reads, for messages.
QString supportedNames();
Frame locateIp(int linkType, const uchar *data, qsizetype length, qsizetype &ipOffset);

}
