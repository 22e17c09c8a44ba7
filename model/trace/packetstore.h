// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chunkedvector.h"

#include <QByteArrayView>
#include <memory>
#include <vector>

// Raw packet bytes, appended once and kept: fixed-size chunks (no reallocation copies, no
// doubling slack) and an 8-byte index entry per packet.
class PacketStore {
public:
    quint32 append(QByteArrayView bytes);
    QByteArrayView at(quint32 index) const;
    quint32 size() const { return quint32(m_index.size()); }
    qsizetype bytesStored() const { return m_bytes; }
    // Memory beyond the packet bytes themselves (index and unused chunk tail).
    qsizetype overheadBytes() const;
    void clear();

private:
    static constexpr qsizetype kChunkSize = qsizetype(1) << 20;
    static constexpr int kLengthBits = 17; // up to 128 KiB a packet (IPv4 max is 64 KiB)
    static constexpr int kOffsetBits = 20;
    std::vector<std::unique_ptr<char[]>> m_chunks;
    ChunkedVector<quint64> m_index; // chunk << 37 | offset << 17 | length
    qsizetype m_used = kChunkSize; // bytes used in the last chunk
    qsizetype m_bytes = 0;
};
