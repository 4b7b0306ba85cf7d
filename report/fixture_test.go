package report

import (
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// longURL is longer than any table column, to show shortening.
const longURL = "https://www.linkedin.com/pulse/building-reliable-autonomous-agents-tool-use-production-lessons-learned-2024-jane-doe-abcdef123456?trackingId=aGVsbG8gd29ybGQ"

// fixtureRun is one realistic run covering every status: arXiv verdicts
// with metadata, gone links with and without an archived copy, an archive
// key the original no longer needs, a redirect chain, a URL with a pipe, a
// very long URL, Unicode titles and a multi-line error message.
func fixtureRun() Run {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	return Run{
		Catalog:   "resources.yaml",
		StartedAt: time.Date(2025, 6, 1, 9, 30, 0, 0, time.UTC),
		Duration:  42317 * time.Millisecond,
		Results: []result.Result{
			{
				ID: "attention", Section: "foundations", Title: "Attention Is All You Need", Line: 8,
				Target: result.TargetArxiv, URL: "https://arxiv.org/abs/1706.03762v5", Arxiv: "1706.03762v5",
				Status: status.Updated, CurrentTitle: "Attention Is All You Need", Version: 7,
				VersionDate: day(2023, 8, 2), Similarity: 1, Message: "pinned v5, latest v7",
				Attempts: 1, Duration: 812 * time.Millisecond,
			},
			{
				ID: "attention", Section: "foundations", Title: "Attention Is All You Need", Line: 8,
				Target: result.TargetURL, URL: "https://arxiv.org/abs/1706.03762v5",
				Status: status.OK, Code: 200, PageTitle: "[1706.03762v5] Attention Is All You Need",
				Message: "HTTP 200", Attempts: 1, Duration: 230 * time.Millisecond,
			},
			{
				ID: "react", Section: "foundations", Title: "ReAct: Reasoning and Acting in Language Models", Line: 15,
				Target: result.TargetArxiv, Arxiv: "2210.03629",
				Status: status.Retitled, CurrentTitle: "ReAct: Synergizing Reasoning and Acting in Language Models",
				Version: 3, VersionDate: day(2023, 3, 10), JournalRef: "ICLR 2023", Similarity: 0.84,
				Message: "retitled since v1: arXiv's title is now “ReAct: Synergizing Reasoning and Acting in Language Models”", Attempts: 1, Duration: 812 * time.Millisecond,
			},
			{
				ID: "voyager", Section: "agents", Title: "Voyager: An Open-Ended Embodied Agent", Line: 22,
				Target: result.TargetArxiv, Arxiv: "2305.16291",
				Status: status.Retitled, CurrentTitle: "Voyager: 大模型驱动的开放式具身智能体 — Über Minecraft",
				Version: 2, VersionDate: day(2023, 10, 19), DOI: "10.48550/arXiv.2305.16291", Similarity: 0.4149,
				Message: "arXiv's title is now “Voyager: 大模型驱动的开放式具身智能体 — Über Minecraft” (similarity 0.41)", Attempts: 1, Duration: 812 * time.Millisecond,
			},
			{
				ID: "toolformer", Section: "agents", Title: "Toolformer: Language Models Can Teach Themselves to Use Tools", Line: 29,
				Target: result.TargetArxiv, Arxiv: "2302.04761",
				Status: status.OK, CurrentTitle: "Toolformer: Language Models Can Teach Themselves to Use Tools",
				Version: 1, VersionDate: day(2023, 2, 9), JournalRef: "NeurIPS 2023", Similarity: 1,
				Attempts: 1, Duration: 812 * time.Millisecond,
			},
			{
				ID: "retracted-agent", Section: "agents", Title: "A Withdrawn Agent Benchmark", Line: 35,
				Target: result.TargetArxiv, Arxiv: "2401.09999",
				Status: status.Broken, Version: 2, VersionDate: day(2024, 2, 1),
				Message: "withdrawn by the authors", Attempts: 1, Duration: 812 * time.Millisecond,
			},
			{
				ID: "old-agents-post", Section: "posts", Title: "Agents in 2023", Line: 41,
				Target: result.TargetURL, URL: "https://old.example.com/posts/agents-2023",
				Status: status.Broken, Code: 404, Message: "HTTP 404", Attempts: 1, Duration: 95 * time.Millisecond,
				ArchiveURL: "https://web.archive.org/web/20230512083000/https://old.example.com/posts/agents-2023",
				ArchivedAt: time.Date(2023, 5, 12, 8, 30, 0, 0, time.UTC),
			},
			{
				ID: "agent-survey-zh", Section: "posts", Title: "智能体综述：大模型时代的自主代理", Line: 47,
				Target: result.TargetURL, URL: "https://zh.example.org/文章/智能体综述",
				Status: status.Broken, Code: 200, Message: "soft 404: page says “页面不存在”",
				Attempts: 1, Duration: 180 * time.Millisecond, ArchiveNote: "no archived copy of the live page",
			},
			{
				ID: "lilian-agents", Section: "posts", Title: "LLM Powered Autonomous Agents", Line: 53,
				Target: result.TargetURL, URL: "http://lilianweng.github.io/posts/2023-06-23-agent",
				Status: status.Moved, Code: 200,
				FinalURL: "https://lilianweng.github.io/posts/2023-06-23-agent/",
				Redirects: []result.Hop{
					{URL: "http://lilianweng.github.io/posts/2023-06-23-agent", Code: 301},
					{URL: "https://lilianweng.github.io/posts/2023-06-23-agent", Code: 308},
				},
				PageTitle: "LLM Powered Autonomous Agents | Lil'Log",
				Message:   "permanent redirect (301, 308)", Attempts: 1, Duration: 140 * time.Millisecond,
			},
			{
				ID: "agent-leaderboard", Section: "leaderboards", Title: "Agent Leaderboard", Line: 60,
				Target: result.TargetURL, URL: "https://example.org/board?cols=model|score&sort=desc",
				Status: status.Redirected, Code: 200,
				FinalURL:  "https://example.org/board/v2?cols=model|score&sort=desc",
				Redirects: []result.Hop{{URL: "https://example.org/board?cols=model|score&sort=desc", Code: 302}},
				Message:   "temporary redirect (302)", Attempts: 1, Duration: 120 * time.Millisecond,
			},
			{
				ID: "agents-in-production", Section: "posts", Title: "Building Reliable Autonomous Agents", Line: 66,
				Target: result.TargetURL, URL: longURL,
				Status: status.Blocked, Code: 999, Message: "refused an automated client",
				Attempts: 3, Duration: 2400 * time.Millisecond,
			},
			{
				ID: "agentbench", Section: "tools", Title: "AgentBench", Line: 72,
				Target: result.TargetURL, URL: "https://slow.example.net/tools/agentbench",
				Status: status.Timeout, Message: "no answer within 15s",
				Attempts: 3, Duration: 45 * time.Second,
			},
			{
				ID: "expired-cert", Section: "tools", Title: "Agent Toolkit", Line: 78,
				Target: result.TargetURL, URL: "https://toolkit.example.io/",
				Status: status.Error, Code: 503, Message: "Service Unavailable\nretry later: 100% busy",
				Attempts: 3, Duration: 1900 * time.Millisecond,
			},
			{
				ID: "intranet-wiki", Section: "tools", Title: "Team wiki", Line: 84,
				Target: result.TargetURL, URL: "http://10.0.0.5/wiki/agents",
				Status: status.Skipped, Message: "private address (set --allow-private to check intranet hosts)",
			},
			{
				ID: "redesign-blog", Section: "posts", Title: "Agents, a year later", Line: 90,
				Target: result.TargetURL, URL: "https://blog.example.com/agents-a-year-later",
				Status: status.Skipped, Message: "ignored until 2025-09-01: site redesign",
			},
			{
				ID: "tot-repo", Section: "tools", Title: "Tree of Thoughts: code", Line: 96,
				Target: result.TargetGitHub, URL: "https://github.com/princeton-nlp/tree-of-thought-llm",
				Repo: "princeton-nlp/tree-of-thought-llm", Status: status.Stale, Code: 200,
				PushedAt: day(2023, 12, 21), Message: "archived on GitHub (last push 2023-12-21)",
				Attempts: 1, Duration: 95 * time.Millisecond,
			},
			{
				ID: "autogpt-post", Section: "posts", Title: "AutoGPT, explained", Line: 102,
				Target: result.TargetURL, URL: "https://gone.example.com/autogpt",
				Status: status.Archived, Code: 410, Message: "HTTP 410",
				ArchiveURL: "https://web.archive.org/web/20240102030405/https://gone.example.com/autogpt",
				ArchivedAt: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC),
				Attempts:   2, Duration: 310 * time.Millisecond,
			},
			{
				ID: "babyagi-post", Section: "posts", Title: "BabyAGI", Line: 108,
				Target: result.TargetURL, URL: "https://back.example.com/babyagi",
				Status: status.OK, Code: 200, Message: "HTTP 200",
				ArchiveNote: "the original is back: `archive` can go",
				Attempts:    1, Duration: 120 * time.Millisecond,
			},
		},
	}
}
