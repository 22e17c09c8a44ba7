// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

class Trace;

// A trace as a classic pcap capture (libpcap writes the file format; link type raw IPv4), for
// Wireshark and tshark. What is in it is what was on the wire between the two hosts:
// - every segment as its kernel sent it (Send events), at its send time, including the ones the
//   wire then dropped — they had left the sender;
// - every copy the wire made (Duplicate events), at the time it was made, as a second packet with
//   the same bytes.
// Deliveries are not separate packets: a delivered segment is the one that was sent.
// Timestamps are wall-clock: TraceInfo::wallClockOrigin + t, in nanoseconds.
namespace PcapExport {
// The file's bytes; nullopt with *error set when libpcap fails.
std::optional<QByteArray> encode(const Trace &trace, QString *error);
// Number of packets encode() writes for this trace.
qsizetype packetCount(const Trace &trace);
} // namespace PcapExport
