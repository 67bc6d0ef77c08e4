#!/usr/bin/env python3
"""Writes N synthetic news articles (plain text, our own words: no corpus text) into a
folder, for the library benchmarks: titles, bylines, dates, paragraphs with quotations
attributed to a few thousand made-up people, organisations and places.

    python3 Benchmarks/make-articles.py FOLDER [N] [SEED]
"""
import os, random, sys

folder = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
os.makedirs(folder, exist_ok=True)

syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "del", "an", "ri", "su", "bel", "cor", "nia", "pet", "ul", "zan",
             "mar", "ve", "lin", "do", "sha", "tor", "eli", "gra", "hol", "ber", "fen", "wy", "os", "qua"]
def word(n):
    return "".join(rng.choice(syllables) for _ in range(n)).capitalize()

firsts = ["Anna", "Marta", "Daniel", "Tomas", "Lena", "Oscar", "Ines", "Paul", "Rosa", "Victor", "Nadia", "Hugo",
          "Clara", "Felix", "Irene", "Jonas", "Sara", "Emil", "Lucia", "Pedro", "Alma", "Bruno", "Dora", "Ivan"]
people = [f"{rng.choice(firsts)} {word(2)}" for _ in range(3000)]
places = [word(rng.choice([2, 3])) for _ in range(800)]
orgs = [f"{word(2)} {rng.choice(['Council', 'Union', 'Authority', 'Institute', 'Party', 'Bank', 'Foundation', 'Group'])}"
        for _ in range(600)]
topics = ["harbour", "budget", "election", "bridge", "school", "hospital", "river", "railway", "festival", "market",
          "housing", "water", "energy", "museum", "airport", "library", "factory", "farm", "court", "stadium"]
verbs = ["approves", "rejects", "delays", "opens", "closes", "funds", "debates", "reviews", "expands", "cuts"]
roles = ["the mayor", "a spokesperson", "the chair", "a resident", "the minister", "an engineer", "the director"]
fillers = [
    "The plan has been discussed for months, and several groups have asked for more time to study it.",
    "Officials expect the work to take until the end of next year, depending on the weather and the budget.",
    "Local businesses said they were waiting to see how the change would affect deliveries and customers.",
    "A public meeting is planned for next week, when residents will be able to ask questions in person.",
    "The figures published on Monday show a rise in costs compared with the estimate made last spring.",
    "Critics argue that the decision was taken too quickly, without looking at the alternatives on the table.",
    "Supporters say the project will create jobs and bring new visitors to the town centre every summer.",
]

# Twenty sites: each page names its site after the headline and ends with the site's footer,
# so that `lede add` learns each site's furniture as it goes.
sites = [f"The {word(2)} {rng.choice(['Herald', 'Courier', 'Gazette', 'Post', 'Times'])}" for _ in range(20)]

for i in range(count):
    topic, place, org = rng.choice(topics), rng.choice(places), rng.choice(orgs)
    site = sites[i % len(sites)]
    speakers = rng.sample(people, 3)
    y, m, d = rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)
    lines = [f"{place} {rng.choice(verbs)} {topic} plan after {rng.choice(['long', 'heated', 'short', 'late'])} debate #{i} | {site}",
             "", f"By {rng.choice(people)}", "", f"{y}-{m:02d}-{d:02d}", ""]
    body = [f"{place.upper()} — The {org} {rng.choice(verbs)} the {topic} plan on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
            f"after a meeting that lasted {rng.randint(2, 9)} hours."]
    for k in range(rng.randint(4, 8)):
        s = rng.choice(speakers)
        if k % 2 == 0:
            attribution = rng.choice([f"said {s}", f"{s} said", f"{s} told reporters", f"said {s} on Tuesday"])
            body.append(f"“This is about the {topic} and the people of {place},” {attribution}. " + rng.choice(fillers))
        else:
            body.append(f"{s.split()[-1] if k > 1 else s}, {rng.choice(roles)} of the {rng.choice(orgs)}, said the vote was "
                        f"{rng.choice(['a mistake', 'overdue', 'fair', 'rushed'])}. \"We will keep watching the {topic},\" "
                        f"{rng.choice(['she', 'he'])} added. " + rng.choice(fillers))
        if rng.random() < 0.5:
            body.append(rng.choice(fillers) + " " + rng.choice(fillers))
    body.append(f"{site} is an independent newspaper owned by its readers, and every story we publish is paid for "
                f"by people who believe that local news matters to the town.")
    lines += "\n\n".join(body).split("\n")
    with open(os.path.join(folder, f"article-{i:05d}.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
print(f"{count} articles in {folder}")
