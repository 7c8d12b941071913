from kg.link.evaluate import linking_accuracy


def test_accuracy_and_wrong_ids_on_heads_and_countries():
    gold = {"a": [
        {"name": "Russia", "type": "Country", "qid": "Q159", "mentions": ["Rusia"]},
        {"name": "Vladimir Putin", "type": "Person", "qid": "Q7747", "mentions": ["Putin"]},
        {"name": "Reuters", "type": "Organization", "qid": "Q130879", "mentions": ["Reuters"]},
        {"name": "Nobody", "type": "Person", "qid": None, "mentions": ["Nobody"]},
    ]}
    system = {"a": [
        {"key": "Q159", "qid": "Q159", "labels": ["Rusia"]},
        {"key": "Q1", "qid": "Q1", "labels": ["Putin"]},
        {"key": "organization/reuters", "qid": None, "labels": ["Reuters"]},
    ]}
    r = linking_accuracy(gold, system, head_qids={"Q7747"})
    assert (r.actors, r.correct) == (3, 1)
    crit = [(w.gold_qid, w.system_qid) for w in r.wrong if w.critical]
    assert crit == [("Q7747", "Q1")]
    assert "1/3" in r.summary()
