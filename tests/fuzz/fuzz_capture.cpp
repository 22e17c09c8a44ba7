// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target over the packet parser, the link-layer decoding and the whole capture import
// (pcap and pcapng, libpcap's path and SynScope's own pcapng reader), then the exports of what
// was imported. Seed it with tests/data/malformed (new finds go to the first directory):
//   mkdir -p corpus && build-fuzz/tests/fuzz/fuzz_capture -max_total_time=60 corpus tests/data/malformed
#include "io/linklayer.h"
#include "io/pcapimport.h"
#include "io/textflow.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QDir>
#include <QFile>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto *bytes = reinterpret_cast<const uchar *>(data);
    const auto length = qsizetype(size);

    // The packet parsers, straight and behind every link-layer header SynScope reads.
    TcpSegment segment;
    parseIpTcp(bytes, length, segment, Completeness::Whole);
    parseIpTcp(bytes, length, segment, Completeness::HeadersOnly);
    for (const int linkType : {0, 1, 9, 12, 50, 51, 101, 104, 105, 108, 113, 127, 192, 228, 229, 239, 276}) {
        LinkLayer::Payload payload;
        if (LinkLayer::locate(linkType, bytes, length, payload) == LinkLayer::Frame::Payload
            && payload.offset <= length)
            parseIpTcp(bytes + payload.offset, length - payload.offset, segment, Completeness::HeadersOnly);
    }

    // The file import: the input as a capture file.
    static const QString path = QDir::tempPath() + QStringLiteral("/synscope-fuzz-%1.pcap").arg(getpid());
    static const struct RemoveAtExit {
        ~RemoveAtExit() { QFile::remove(path); }
    } removeAtExit;
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 0;
        file.write(reinterpret_cast<const char *>(data), length);
    }
    std::vector<Conversation> conversations;
    QString error;
    if (CaptureImport::conversations(path, conversations, &error) && !conversations.empty()) {
        Trace trace;
        if (CaptureImport::open(path, int(conversations.size()) - 1, trace, &error)) {
            TextFlow::toString(trace);
            TraceJson::save(trace);
        }
    }
    return 0;
}
