// SPDX-License-Identifier: GPL-3.0-or-later
#include "lablock.h"

LabLock::Hold LabLock::hold()
{
    return std::move(*acquire(true));
}

std::optional<LabLock::Hold> LabLock::tryHold()
{
    return acquire(false);
}

std::optional<LabLock::Hold> LabLock::acquire(bool wait)
{
    const std::thread::id me = std::this_thread::get_id();
    {
        const std::lock_guard lock(m_mutex);
        if (m_depth > 0 && m_owner == me) {
            ++m_depth;
            return std::optional<Hold>(std::in_place, this);
        }
        if (m_depth > 0 && !wait) return std::nullopt;
    }
    // Most of the catching up before the lock is taken, while the wire thread goes on; what it does
    // meanwhile is caught up on once the lock is held. Outside the mutex both times: catching up
    // emits signals whose handlers may take the lock (then nested).
    if (m_catchUp) m_catchUp();
    {
        std::unique_lock lock(m_mutex);
        if (m_depth > 0 && !wait) return std::nullopt;
        if (m_depth > 0) {
            ++m_waiting;
            m_released.wait(lock, [this] { return m_depth == 0; });
            --m_waiting;
        }
        m_owner = me;
        m_depth = 1;
    }
    std::optional<Hold> hold(std::in_place, this);
    if (m_catchUp) m_catchUp();
    return hold;
}

bool LabLock::lockUnless(const std::function<bool()> &interrupted)
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (interrupted()) return false;
        if (m_depth == 0) break;
        ++m_waiting;
        m_released.wait(lock);
        --m_waiting;
    }
    m_owner = std::this_thread::get_id();
    m_depth = 1;
    return true;
}

void LabLock::unlock()
{
    const std::lock_guard lock(m_mutex);
    if (--m_depth == 0) {
        m_owner = {};
        m_released.notify_all();
    }
}

void LabLock::wake()
{
    const std::lock_guard lock(m_mutex);
    m_released.notify_all();
}
