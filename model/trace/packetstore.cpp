// SPDX-License-Identifier: GPL-3.0-or-later
#include "packetstore.h"

#include <cstring>

quint32 PacketStore::append(QByteArrayView bytes)
{
    const qsizetype len = bytes.size();
    Q_ASSERT(len < (qsizetype(1) << kLengthBits));
    if (m_chunks.empty() || m_used + len > kChunkSize) {
        m_chunks.push_back(std::make_unique_for_overwrite<char[]>(size_t(kChunkSize)));
        m_used = 0;
    }
    if (len > 0) // an empty view may have no data at all, and memcpy must not be given null
        std::memcpy(m_chunks.back().get() + m_used, bytes.data(), size_t(len));
    const quint64 entry =
        (quint64(m_chunks.size() - 1) << (kOffsetBits + kLengthBits)) | (quint64(m_used) << kLengthBits) | quint64(len);
    m_used += len;
    m_bytes += len;
    m_index.push_back(entry);
    return quint32(m_index.size() - 1);
}

void PacketStore::setExternal(std::shared_ptr<const void> owner, QByteArrayView region)
{
    m_externalOwner = std::move(owner);
    m_external = region;
}

quint32 PacketStore::appendExternal(qsizetype offset, qsizetype length)
{
    Q_ASSERT(length < (qsizetype(1) << kLengthBits));
    Q_ASSERT(offset >= 0 && offset + length <= m_external.size());
    m_index.push_back(kExternal | (quint64(offset) << kLengthBits) | quint64(length));
    return quint32(m_index.size() - 1);
}

QByteArrayView PacketStore::at(quint32 index) const
{
    if (qsizetype(index) >= m_index.size()) return {};
    const quint64 e = m_index[index];
    if (e & kExternal) {
        const qsizetype offset = qsizetype((e & ~kExternal) >> kLengthBits);
        return m_external.sliced(offset, qsizetype(e & ((quint64(1) << kLengthBits) - 1)));
    }
    const size_t chunk = size_t(e >> (kOffsetBits + kLengthBits));
    const qsizetype offset = qsizetype((e >> kLengthBits) & ((quint64(1) << kOffsetBits) - 1));
    const qsizetype len = qsizetype(e & ((quint64(1) << kLengthBits) - 1));
    return QByteArrayView(m_chunks[chunk].get() + offset, len);
}

qsizetype PacketStore::overheadBytes() const
{
    // The last chunk's untouched tail is never written, so its pages are never made resident
    // (a 1 MiB allocation is an anonymous mapping): only the bytes before m_used cost memory.
    const qsizetype touched = m_chunks.empty() ? 0 : qsizetype(m_chunks.size() - 1) * kChunkSize + m_used;
    return touched - m_bytes + m_index.capacityBytes();
}

void PacketStore::clear()
{
    m_chunks.clear();
    m_index.clear();
    m_externalOwner.reset();
    m_external = {};
    m_used = kChunkSize;
    m_bytes = 0;
}
