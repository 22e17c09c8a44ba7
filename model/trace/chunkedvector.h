// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <memory>
#include <vector>

// An append-only array in fixed chunks: appending never moves or copies what is stored, and the
// memory held beyond the elements is at most one chunk (a std::vector may hold twice its size).
template<typename T, int ChunkBits = 12>
class ChunkedVector {
public:
    static constexpr qsizetype kChunk = qsizetype(1) << ChunkBits;

    qsizetype size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const T &operator[](qsizetype i) const { return m_chunks[size_t(i >> ChunkBits)][size_t(i & (kChunk - 1))]; }
    T &operator[](qsizetype i) { return m_chunks[size_t(i >> ChunkBits)][size_t(i & (kChunk - 1))]; }
    const T &back() const { return (*this)[m_size - 1]; }

    void push_back(T value)
    {
        if ((m_size & (kChunk - 1)) == 0) m_chunks.push_back(std::make_unique<T[]>(size_t(kChunk)));
        (*this)[m_size++] = std::move(value);
    }
    void clear()
    {
        m_chunks.clear();
        m_size = 0;
    }
    qsizetype capacityBytes() const
    {
        return qsizetype(m_chunks.size()) * kChunk * qsizetype(sizeof(T))
            + qsizetype(m_chunks.capacity() * sizeof(std::unique_ptr<T[]>));
    }

private:
    std::vector<std::unique_ptr<T[]>> m_chunks;
    qsizetype m_size = 0;
};
