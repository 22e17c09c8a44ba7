// SPDX-License-Identifier: GPL-3.0-or-later
#include "pcapexport.h"

#include "trace/trace.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <pcap/pcap.h>

namespace PcapExport {

namespace {
bool isOnWire(const Event &e)
{
    return e.kind == EventKind::Send || e.kind == EventKind::Duplicate;
}

struct PcapClose {
    void operator()(pcap_t *p) const { pcap_close(p); }
};
} // namespace

qsizetype packetCount(const Trace &trace)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < trace.size(); ++i)
        n += isOnWire(trace.at(i)) ? 1 : 0;
    return n;
}

std::optional<QByteArray> encode(const Trace &trace, QString *error)
{
    constexpr int kSnapLength = 65535; // an IPv4 packet is at most this long: nothing is cut
    // DLT_RAW: the packets are bare IPv4 datagrams, exactly as read from the lab's TUN devices.
    std::unique_ptr<pcap_t, PcapClose> pcap(
        pcap_open_dead_with_tstamp_precision(DLT_RAW, kSnapLength, PCAP_TSTAMP_PRECISION_NANO));
    if (!pcap) {
        *error = QCoreApplication::translate("Export", "libpcap cannot make a capture handle");
        return std::nullopt;
    }
    char *buffer = nullptr;
    size_t bufferSize = 0;
    FILE *stream = open_memstream(&buffer, &bufferSize);
    if (!stream) {
        *error = QCoreApplication::translate("Export", "cannot make an in-memory stream: %1")
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return std::nullopt;
    }
    // pcap_dump_fopen takes the stream over: pcap_dump_close() closes it.
    pcap_dumper_t *dumper = pcap_dump_fopen(pcap.get(), stream);
    if (!dumper) {
        *error = QCoreApplication::translate("Export", "libpcap cannot start the file: %1")
                     .arg(QString::fromLocal8Bit(pcap_geterr(pcap.get())));
        std::fclose(stream);
        std::free(buffer);
        return std::nullopt;
    }
    // A trace loaded without a wall-clock anchor starts at the epoch: the relative times stay right.
    const qint64 originNs =
        trace.info().wallClockOrigin.isValid() ? trace.info().wallClockOrigin.toMSecsSinceEpoch() * 1000000 : 0;
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (!isOnWire(e)) continue;
        const QByteArrayView bytes = trace.packet(e);
        const qint64 ns = originNs + e.tNs;
        pcap_pkthdr header {};
        header.ts.tv_sec = time_t(ns / 1000000000);
        // With nanosecond precision libpcap writes tv_usec as nanoseconds.
        header.ts.tv_usec = suseconds_t(ns % 1000000000);
        header.caplen = bpf_u_int32(qMin<qsizetype>(bytes.size(), kSnapLength));
        header.len = bpf_u_int32(bytes.size());
        pcap_dump(reinterpret_cast<u_char *>(dumper), &header, reinterpret_cast<const u_char *>(bytes.data()));
    }
    const bool flushed = pcap_dump_flush(dumper) == 0;
    pcap_dump_close(dumper);
    QByteArray out;
    if (flushed) out = QByteArray(buffer, qsizetype(bufferSize));
    std::free(buffer);
    if (!flushed) {
        *error = QCoreApplication::translate("Export", "libpcap could not write the capture");
        return std::nullopt;
    }
    return out;
}

} // namespace PcapExport
