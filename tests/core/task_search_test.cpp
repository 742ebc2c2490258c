// SPDX-License-Identifier: MIT
// Full-text search through the repository's one read path (TaskQuery::text) on a real SQLite
// file: word prefixes, case and accents ignored, best matches first, and an index that follows
// every write, undo included.
#include "result_assertions.h"
#include "test_store.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace quire::core;
using quire::core_test::listedTasks;
using quire::core_test::TestStore;
using quire::core_test::updatedTask;

namespace {

class TaskSearch : public quire::core_test::EngineTest
{
protected:
    void SetUp() override { REQUIRE_TEST_STORE(m_store); }

    Task create(const QString &title, const std::function<void(TaskDraft &)> &more = {})
    {
        TaskDraft draft;
        draft.title = title;
        if (more)
            more(draft);
        auto task = m_store.tasks().create(draft);
        EXPECT_TRUE(task.has_value());
        return task.value_or(Task {});
    }

    /** The titles `text` finds, best first. */
    QStringList found(const QString &text)
    {
        auto tasks = listedTasks(m_store.tasks(), {.text = text});
        EXPECT_TRUE(tasks.has_value()) << (tasks ? "" : tasks.error().message.toStdString());
        QStringList titles;
        for (const Task &task : tasks.value_or(QList<Task> {}))
            titles.append(task.title);
        return titles;
    }

    TestStore m_store;
};

INSTANTIATE_FOR_ENGINES(TaskSearch);

TEST_P(TaskSearch, findsWordPrefixesIgnoringCaseAndAccents)
{
    create(u"Café with Zoë"_s);
    create(u"Cafeteria menu"_s);
    create(u"Decaf beans"_s);

    EXPECT_EQ(found(u"cafe"_s).size(), 2);
    EXPECT_EQ(found(u"CAFÉ zoe"_s), QStringList {u"Café with Zoë"_s});
    EXPECT_EQ(found(u"zoë"_s), QStringList {u"Café with Zoë"_s});
    EXPECT_TRUE(found(u"caff"_s).isEmpty());
}

TEST_P(TaskSearch, looksInTheDescriptionTagsChecklistAndProjectNames)
{
    ASSERT_OK_AND_ASSIGN(const Project garden, m_store.projects().create(ProjectDraft {.name = u"Garden"_s}));
    create(u"By description"_s, [](TaskDraft &d) { d.description = u"remember the invoice"_s; });
    create(u"By tag"_s, [](TaskDraft &d) { d.tags = {u"errand"_s}; });
    create(u"By checklist"_s, [](TaskDraft &d) { d.checklist = {{.title = u"passport"_s, .done = false}}; });
    create(u"By project"_s, [&](TaskDraft &d) { d.projectIds = {garden.id}; });

    EXPECT_EQ(found(u"invoice"_s), QStringList {u"By description"_s});
    EXPECT_EQ(found(u"errand"_s), QStringList {u"By tag"_s});
    EXPECT_EQ(found(u"passp"_s), QStringList {u"By checklist"_s});
    EXPECT_EQ(found(u"garden"_s), QStringList {u"By project"_s});
}

TEST_P(TaskSearch, everyWordMustMatchAndTitleMatchesComeFirst)
{
    create(u"Notes"_s, [](TaskDraft &d) { d.description = u"about the report, for the report"_s; });
    create(u"Report"_s);
    create(u"Report for Ana"_s);

    EXPECT_EQ(found(u"report"_s), (QStringList {u"Report"_s, u"Report for Ana"_s, u"Notes"_s}));
    EXPECT_EQ(found(u"report ana"_s), QStringList {u"Report for Ana"_s});
}

TEST_P(TaskSearch, queryOperatorsAndQuotesAreJustText)
{
    create(u"Say \"hello\" OR NOT"_s);

    EXPECT_EQ(found(u"\"hello\""_s), QStringList {u"Say \"hello\" OR NOT"_s});
    EXPECT_EQ(found(u"OR"_s), QStringList {u"Say \"hello\" OR NOT"_s});
    EXPECT_TRUE(found(u"title:say"_s).isEmpty());
    EXPECT_TRUE(found(u"hello NEAR(x)"_s).isEmpty());
}

TEST_P(TaskSearch, textWithoutAWordFindsNothing)
{
    create(u"Anything"_s);

    EXPECT_TRUE(found(u""_s).isEmpty());
    EXPECT_TRUE(found(u"  - * \" "_s).isEmpty());
}

TEST_P(TaskSearch, followsEditsDeletesProjectRenamesAndUndo)
{
    ASSERT_OK_AND_ASSIGN(const Project home, m_store.projects().create(ProjectDraft {.name = u"Home"_s}));
    const Task task = create(u"Paint the door"_s, [&](TaskDraft &d) { d.projectIds = {home.id}; });
    TaskPatch rename;
    rename.title = u"Paint the fence"_s;
    ASSERT_OK(updatedTask(m_store.tasks(), task.id, rename));
    EXPECT_TRUE(found(u"door"_s).isEmpty());
    EXPECT_EQ(found(u"fence"_s).size(), 1);

    ProjectPatch renameProject;
    renameProject.name = u"Cottage"_s;
    ASSERT_OK(m_store.projects().update(home.id, renameProject));
    EXPECT_TRUE(found(u"home"_s).isEmpty());
    EXPECT_EQ(found(u"cottage"_s).size(), 1);

    ASSERT_OK(m_store.tasks().removeMany({task.id}));
    EXPECT_TRUE(found(u"fence"_s).isEmpty());
    ASSERT_OK(m_store.history().undo());
    EXPECT_EQ(found(u"fence cottage"_s), QStringList {u"Paint the fence"_s});
}

TEST_P(TaskSearch, aPartOfTheMatchesComesBestFirst)
{
    for (int i = 0; i < 5; ++i)
        create(u"Match "_s + QString::number(i));

    ASSERT_OK_AND_ASSIGN(const TaskListing page, m_store.tasks().list({.text = u"match"_s, .limit = 2}));
    EXPECT_EQ(page.tasks.size(), 2);
    EXPECT_EQ(page.total, 5);
}

} // namespace
