from guide.data.rules import decision_loops, tree

HINT = "(a decision must always move forward: point it at a later question or an outcome)"


def add_question(dataset, question_id, *targets):
    dataset.files["decision.yml"]["questions"].append({
        "id": question_id, "text": f"{question_id}?", "judgement": "Ours.",
        "answers": [{"label": f"To {t}", "because": f"Reason {t}.", "next": t} for t in targets],
    })


def test_an_answer_back_to_an_earlier_question(dataset):
    dataset.files["decision.yml"]["questions"][0]["answers"][1]["next"] = "second"
    add_question(dataset, "second", "third", "use-beta")
    add_question(dataset, "third", "first", "use-beta")
    assert dataset.run(decision_loops.RULE) == [
        f"data/decision.yml:{dataset.at('decision.yml', 'next: first', 'first')}: questions[2].answers[0].next: "
        f"this answer closes a loop: first -> second -> third -> first {HINT}"
    ]


def test_each_answer_that_closes_a_loop_is_named(dataset):
    dataset.files["decision.yml"]["questions"][0]["answers"][1]["next"] = "second"
    add_question(dataset, "second", "second", "first")
    assert sorted(p.split(": ", 2)[1:] for p in dataset.run(decision_loops.RULE)) == [
        ["questions[1].answers[0].next", f"this answer closes a loop: second -> second {HINT}"],
        ["questions[1].answers[1].next", f"this answer closes a loop: first -> second -> first {HINT}"],
    ]


def test_a_tree_of_many_loops_is_checked_quickly(dataset, monkeypatch):
    """Each loop costs a sort of the whole tree, so a hostile tree of thousands stops at a limit."""
    monkeypatch.setattr(tree, "MAX_LOOPS", 3)
    answers = dataset.files["decision.yml"]["questions"][0]["answers"]
    answers.extend({"label": f"Again {n}", "because": f"Reason {n}.", "next": "first"} for n in range(10))
    assert len(dataset.run(decision_loops.RULE)) == 3
