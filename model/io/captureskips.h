// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QtGlobal>
#include <vector>

struct CaptureRecord;

// The frames a capture import left out although they might have held TCP, by kind: how many, and
// where the first one was. One line per kind, so a capture with a million frames in a tunnel
// SynScope does not decode says so once ("412 frames in GRE tunnels carrying protocol 0x88bf,
// which SynScope does not decode (the first: record 7 at byte 1234)"). Frames that are simply not
// TCP (ARP, UDP, ICMP) are not counted: nothing of a connection is missing there.
class CaptureSkips {
public:
    enum class Kind : quint8 {
        LinkType, // detail: the link type, which SynScope does not read
        SnapCut, // detail: Header; the snap length cut the frame inside it
        Short, // detail: Header; the frame ends inside it, without a snap length to blame
        Malformed, // detail: Header; its fields make no sense
        Encrypted, // IEEE 802.11 with a protected payload
        Undecoded, // detail: LinkLayer::Undecoded
        Gre, // detail: the GRE protocol type, or kGreRouting
        Geneve, // detail: the Geneve protocol type
        Esp, // IPsec ESP
        AhTcp, // TCP behind an IPsec AH header in IPv4
        MplsPayload, // MPLS whose payload is neither IP nor Ethernet
        FragmentsIncomplete, // fragments of datagrams whose other fragments never came
        FragmentsOverBudget, // fragments dropped because too much was waiting
        FragmentCut, // a fragment the snap length cut: its datagram cannot be reassembled
        TimeOutOfRange, // a time that 64-bit nanoseconds cannot hold
    };
    // The header a frame was cut short in or whose fields were wrong.
    enum class Header : quint8 {
        Link, // the frame's own link layer
        Ethernet, // an Ethernet frame inside a tunnel
        Vlan,
        Mpls,
        Pppoe,
        Ipv4,
        Ipv6,
        Tcp,
        Gre,
        Udp,
        Vxlan,
        Geneve,
        Ah,
        Erspan,
    };
    static constexpr quint32 kGreRouting = 0x10000;

    // One more frame of a kind; `record` says where (its number, block offset, lengths, link type).
    void add(Kind kind, quint32 detail, const CaptureRecord &record);
    // The same for a frame located by number and offset only (fragments counted at the end).
    void add(Kind kind, quint32 detail, quint64 number, qsizetype offset, quint64 count = 1);
    bool isEmpty() const { return m_entries.empty(); }
    quint64 total() const;
    // One line per kind, in the order the kinds were first met, each with its count and the first place.
    QStringList lines() const;

private:
    struct Entry {
        Kind kind;
        quint32 detail;
        quint64 count = 0;
        quint64 number = 0; // the first frame's
        qsizetype offset = 0;
        qsizetype captured = 0;
        qsizetype original = 0;
        int linkType = 0;
    };
    Entry &entry(Kind kind, quint32 detail);
    std::vector<Entry> m_entries;
};
