// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chunkedvector.h"

#include <QByteArrayView>
#include <memory>
#include <vector>

// Raw packet bytes, appended once and kept: fixed-size chunks (no reallocation copies, no
// doubling slack) and an 8-byte index entry per packet. An imported capture's packets are not
// copied at all: they stay in the file's mapping, which the store keeps alive, and only their
// offset and length are indexed.
class PacketStore {
public:
    quint32 append(QByteArrayView bytes);
    // Makes `region` (kept valid by `owner`, e.g. a mapped file) the place appendExternal() refers to.
    void setExternal(std::shared_ptr<const void> owner, QByteArrayView region);
    // A packet of `length` bytes at `offset` in the external region; nothing is copied.
    quint32 appendExternal(qsizetype offset, qsizetype length);
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
    // Entries with this bit refer to the external region: offset << 17 | length below it.
    static constexpr quint64 kExternal = quint64(1) << 63;
    std::shared_ptr<const void> m_externalOwner;
    QByteArrayView m_external;
    std::vector<std::unique_ptr<char[]>> m_chunks;
    ChunkedVector<quint64> m_index; // chunk << 37 | offset << 17 | length
    qsizetype m_used = kChunkSize; // bytes used in the last chunk
    qsizetype m_bytes = 0;
};
