// SPDX-License-Identifier: MIT
#include "result_assertions.h"
#include "test_store.h"
#include <quire/core/database.h>
#include <quire/core/sql_project_repository.h>
#include <quire/core/sql_task_repository.h>

#include <QUuid>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::exec;
using quire::core_test::scalar;
using quire::core_test::tasksOfProjects;

namespace {

ProjectDraft named(const QString &name)
{
    ProjectDraft d;
    d.name = name;
    return d;
}

QStringList names(const QList<Project> &projects)
{
    QStringList result;
    for (const Project &project : projects)
        result.append(project.name);
    return result;
}

} // namespace

/** The behaviour, the same on every engine. */
class ProjectRepositoryTest : public quire::core_test::EngineTest
{
};

INSTANTIATE_FOR_ENGINES(ProjectRepositoryTest);

TEST_P(ProjectRepositoryTest, CreateStoresTheProjectAndReturnsIt)
{
    // Given
    OPEN_TEST_STORE(store);
    ProjectDraft d = named(u"  Garden  "_s);
    d.description = u"flowers & veg"_s;

    // When
    ASSERT_OK_AND_ASSIGN(const Project project, store.projects().create(d));

    // Then the name is trimmed, the id a v4 UUID, the timestamps UTC and equal
    EXPECT_EQ(QUuid(project.id).version(), QUuid::Random);
    EXPECT_EQ(project.name, u"Garden"_s);
    EXPECT_EQ(project.description, std::optional(u"flowers & veg"_s));
    EXPECT_EQ(project.createdAt.timeSpec(), Qt::UTC);
    EXPECT_EQ(project.updatedAt, project.createdAt);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.projects().findById(project.id));
    EXPECT_EQ(stored, std::optional(project));
}

TEST_P(ProjectRepositoryTest, CreateRejectsBlankName)
{
    // Given
    OPEN_TEST_STORE(store);
    for (const QString &name : {QString(), u""_s, u" \t\n "_s}) {
        // When / Then
        EXPECT_ERROR(store.projects().create(named(name)), ErrorCode::InvalidArgument, u"name must not be empty"_s);
    }
    EXPECT_EQ(scalar(store.db(), u"SELECT count(*) FROM projects"_s).toInt(), 0);
}

TEST_P(ProjectRepositoryTest, CreateStoresABlankDescriptionAsAbsent)
{
    OPEN_TEST_STORE(store);
    ProjectDraft d = named(u"P"_s);
    d.description = u"   "_s;
    ASSERT_OK_AND_ASSIGN(const Project project, store.projects().create(d));
    EXPECT_EQ(project.description, std::nullopt);
    EXPECT_TRUE(scalar(store.db(), u"SELECT description IS NULL FROM projects"_s).toBool());
}

TEST_P(ProjectRepositoryTest, FindAllOrdersByNameCaseInsensitively)
{
    // Given names in mixed case, including non-ASCII letters
    OPEN_TEST_STORE(store);
    for (const QString &name : {u"banana"_s, u"Apple"_s, u"Émile"_s, u"cherry"_s, u"éclair"_s, u"apricot"_s})
        ASSERT_OK(store.projects().create(named(name)));

    // When
    ASSERT_OK_AND_ASSIGN(const QList<Project> all, store.projects().findAll());

    // Then
    const QStringList got = names(all);
    EXPECT_EQ(got.mid(0, 4), (QStringList {u"Apple"_s, u"apricot"_s, u"banana"_s, u"cherry"_s}));
    // É and é fold together (COLLATE NOCASE would put "Émile" before "éclair")
    EXPECT_EQ(got.mid(4), (QStringList {u"éclair"_s, u"Émile"_s})) << got.join(u", "_s).toStdString();
}

TEST_P(ProjectRepositoryTest, FindAllOnAnEmptyDatabaseIsEmpty)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const QList<Project> all, store.projects().findAll());
    EXPECT_TRUE(all.isEmpty());
}

TEST_P(ProjectRepositoryTest, FindByIdOfMissingProjectReturnsNothing)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const auto found, store.projects().findById(u"nope"_s));
    EXPECT_FALSE(found.has_value());
}

TEST_P(ProjectRepositoryTest, UpdateChangesNameAndDescription)
{
    // Given
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project project, store.projects().create(named(u"Old"_s)));

    // When
    ProjectPatch patch;
    patch.name = u" New "_s;
    patch.description = std::optional(u"described"_s);
    ASSERT_OK_AND_ASSIGN(const Project updated, store.projects().update(project.id, patch));

    // Then
    EXPECT_EQ(updated.name, u"New"_s);
    EXPECT_EQ(updated.description, std::optional(u"described"_s));
    EXPECT_EQ(updated.createdAt, project.createdAt);
    EXPECT_GT(updated.updatedAt, project.updatedAt);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.projects().findById(project.id));
    EXPECT_EQ(stored, std::optional(updated));
}

TEST_P(ProjectRepositoryTest, UpdateWithNullDescriptionClearsItAndAbsentLeavesIt)
{
    // Given
    OPEN_TEST_STORE(store);
    ProjectDraft d = named(u"P"_s);
    d.description = u"words"_s;
    ASSERT_OK_AND_ASSIGN(const Project project, store.projects().create(d));

    // When absent
    ProjectPatch rename;
    rename.name = u"Q"_s;
    ASSERT_OK_AND_ASSIGN(const Project kept, store.projects().update(project.id, rename));
    // Then unchanged
    EXPECT_EQ(kept.description, std::optional(u"words"_s));

    // When null
    ProjectPatch clear;
    clear.description = std::optional<QString>();
    ASSERT_OK_AND_ASSIGN(const Project cleared, store.projects().update(project.id, clear));
    // Then cleared
    EXPECT_EQ(cleared.description, std::nullopt);
    EXPECT_EQ(cleared.name, u"Q"_s);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.projects().findById(project.id));
    EXPECT_EQ(stored->description, std::nullopt);
}

TEST_P(ProjectRepositoryTest, UpdateRejectsBlankNameAndChangesNothing)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project project, store.projects().create(named(u"Keep"_s)));
    ProjectPatch patch;
    patch.name = u"  "_s;
    EXPECT_ERROR(store.projects().update(project.id, patch), ErrorCode::InvalidArgument, u"name must not be empty"_s);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.projects().findById(project.id));
    EXPECT_EQ(stored, std::optional(project));
}

TEST_P(ProjectRepositoryTest, UpdateOfMissingProjectReturnsNotFound)
{
    OPEN_TEST_STORE(store);
    ProjectPatch patch;
    patch.name = u"Ghost"_s;
    EXPECT_ERROR(store.projects().update(u"missing"_s, patch), ErrorCode::NotFound, u"project missing not found"_s);
    EXPECT_EQ(scalar(store.db(), u"SELECT count(*) FROM projects"_s).toInt(), 0);
}

TEST_P(ProjectRepositoryTest, RemoveUnlinksItsTasksButKeepsThem)
{
    // Given a task in two projects and a task only in the doomed one
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project doomed, store.projects().create(named(u"Doomed"_s)));
    ASSERT_OK_AND_ASSIGN(const Project other, store.projects().create(named(u"Other"_s)));
    TaskDraft both;
    both.title = u"Both"_s;
    both.projectIds = {doomed.id, other.id};
    TaskDraft only;
    only.title = u"Only"_s;
    only.projectIds = {doomed.id};
    ASSERT_OK_AND_ASSIGN(const Task inBoth, store.tasks().create(both));
    ASSERT_OK_AND_ASSIGN(const Task inOne, store.tasks().create(only));

    // When
    ASSERT_OK(store.projects().remove(doomed.id));

    // Then the project is gone, its links too, and both tasks remain (marked as updated)
    ASSERT_OK_AND_ASSIGN(const auto gone, store.projects().findById(doomed.id));
    EXPECT_FALSE(gone.has_value());
    ASSERT_OK_AND_ASSIGN(const auto stillBoth, store.tasks().findById(inBoth.id));
    ASSERT_OK_AND_ASSIGN(const auto stillOne, store.tasks().findById(inOne.id));
    ASSERT_TRUE(stillBoth.has_value());
    ASSERT_TRUE(stillOne.has_value());
    EXPECT_EQ(stillBoth->projectIds, QStringList {other.id});
    EXPECT_TRUE(stillOne->projectIds.isEmpty());
    EXPECT_GE(stillOne->updatedAt, inOne.updatedAt);
    EXPECT_EQ(stillOne->createdAt, inOne.createdAt);
    EXPECT_EQ(
        scalar(store.db(), u"SELECT count(*) FROM task_projects WHERE project_id = '"_s % doomed.id % u"'"_s).toInt(),
        0);
    ASSERT_OK_AND_ASSIGN(const QList<Task> byDoomed, tasksOfProjects(store.tasks(), {doomed.id}));
    EXPECT_TRUE(byDoomed.isEmpty());
}

TEST_P(ProjectRepositoryTest, RemoveOfMissingProjectReturnsNotFound)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK(store.projects().create(named(u"Bystander"_s)));
    EXPECT_ERROR(store.projects().remove(u"missing"_s), ErrorCode::NotFound, u"project missing not found"_s);
    EXPECT_EQ(scalar(store.db(), u"SELECT count(*) FROM projects"_s).toInt(), 1);
}

TEST_P(ProjectRepositoryTest, RemoveRollsBackWhenUnlinkingFails)
{
    // Given a linked task and a trigger that refuses deleting links
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project project, store.projects().create(named(u"Sticky"_s)));
    TaskDraft d;
    d.title = u"Linked"_s;
    d.projectIds = {project.id};
    ASSERT_OK_AND_ASSIGN(const Task created, store.tasks().create(d));
    // (an old updatedAt, so that the bump made before the failure would show if it were kept)
    ASSERT_OK(exec(store.db(), u"UPDATE tasks SET updated_at = '2020-01-01T00:00:00.000Z'"_s));
    ASSERT_OK_AND_ASSIGN(const auto task, store.tasks().findById(created.id));
    ASSERT_OK(store.refuse(u"DELETE"_s, u"task_projects"_s, u"links are sticky"_s));

    // When
    auto removed = store.projects().remove(project.id);

    // Then the project, the link and the task's updatedAt are as before
    EXPECT_ERROR(removed, ErrorCode::Storage, u"cannot delete project: links are sticky"_s);
    ASSERT_OK_AND_ASSIGN(const auto stillThere, store.projects().findById(project.id));
    EXPECT_EQ(stillThere, std::optional(project));
    ASSERT_OK_AND_ASSIGN(const auto stored, store.tasks().findById(created.id));
    EXPECT_EQ(stored, task);
}

TEST_P(ProjectRepositoryTest, UnicodeNamesRoundTrip)
{
    OPEN_TEST_STORE(store);
    const QString name = u"🚀 مشروع e\u0301 プロジェクト"_s;
    ASSERT_OK_AND_ASSIGN(const Project project, store.projects().create(named(name)));
    ASSERT_OK_AND_ASSIGN(const auto stored, store.projects().findById(project.id));
    EXPECT_EQ(stored->name, name);
}

TEST_P(ProjectRepositoryTest, CreateRefusesANameAnotherProjectHasIgnoringCase)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK(store.projects().create(named(u"Home"_s)));
    ASSERT_OK(store.projects().create(named(u"Ärger"_s)));

    EXPECT_ERROR(
        store.projects().create(named(u"  home "_s)), ErrorCode::Conflict, u"a project named “Home” already exists"_s);
    EXPECT_ERROR(
        store.projects().create(named(u"ÄRGER"_s)), ErrorCode::Conflict, u"a project named “Ärger” already exists"_s);
    EXPECT_EQ(scalar(store.db(), u"SELECT count(*) FROM projects"_s).toInt(), 2);
}

TEST_P(ProjectRepositoryTest, ARenameMayChangeItsOwnCaseButNotTakeAnotherName)
{
    OPEN_TEST_STORE(store);
    ASSERT_OK_AND_ASSIGN(const Project home, store.projects().create(named(u"Home"_s)));
    ASSERT_OK(store.projects().create(named(u"Work"_s)));

    ASSERT_OK_AND_ASSIGN(const Project recased, store.projects().update(home.id, ProjectPatch {.name = u"HOME"_s}));
    EXPECT_EQ(recased.name, u"HOME"_s);
    EXPECT_ERROR(store.projects().update(home.id, ProjectPatch {.name = u"work"_s}), ErrorCode::Conflict,
        u"a project named “Work” already exists"_s);
    ASSERT_OK_AND_ASSIGN(const auto stored, store.projects().findById(home.id));
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->name, u"HOME"_s);
}
