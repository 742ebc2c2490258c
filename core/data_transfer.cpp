// SPDX-License-Identifier: MIT
#include <quire/core/data_transfer.h>

namespace quire::core {
namespace {

/** Keeps what an export hands on, in order. */
class SnapshotCollector final : public SnapshotSink
{
public:
    explicit SnapshotCollector(Snapshot &snapshot)
        : m_snapshot(snapshot)
    {
    }

    Result<> addProjects(const QList<Project> &projects, qint64 taskCount) override
    {
        m_snapshot.projects = projects;
        m_snapshot.tasks.reserve(static_cast<qsizetype>(taskCount));
        return {};
    }

    Result<> addTask(Task &&task) override
    {
        m_snapshot.tasks.append(std::move(task));
        return {};
    }

private:
    Snapshot &m_snapshot;
};

} // namespace

Result<Snapshot> DataTransfer::exportAll(Operation &operation)
{
    Snapshot snapshot;
    SnapshotCollector collector(snapshot);
    if (auto exported = exportTo(collector, operation); !exported)
        return std::unexpected(std::move(exported.error()));
    return snapshot;
}

} // namespace quire::core
