# language: fr
Fonctionnalité: Étape 2 – L'assuré complète les informations du formulaire
  L'assuré renseigne son numéro de sécurité sociale, sa date de naissance et
  l'adresse mail associée à son compte ameli. Tous les champs sont obligatoires :
  une saisie manquante ou erronée est signalée à côté du champ, ce qui a été
  saisi est conservé, et aucun mail n'est envoyé.

  # Conception des tests (docs/conception-des-tests.md, E2-FORMULAIRE) :
  # - chaque champ du formulaire, vide puis mal formé, sur un seul formulaire (un envoi par cas) ;
  # - dates impossibles (31/02, 29/02 d'une année non bissextile, mois 13), autre format, futur ;
  # - le message doit apparaître après l'envoi : un texte d'aide déjà présent à côté du champ
  #   n'en est pas un ;
  # - « Retourner à la page de connexion » mène vraiment à la page de connexion.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée
    Et que je suis sur le formulaire « Mot de passe oublié »

  @E2-FORMULAIRE
  Scénario: Le formulaire demande les informations prévues par le guide
    Alors la page affiche « Remplissez les champs suivants pour modifier votre mot de passe : »
    Et la page affiche « Vous allez recevoir un mail à l'adresse que vous avez indiquée dans votre compte ameli. »
    Et la page a le champ « Numéro de sécurité sociale »
    Et la page a le champ « Date de naissance (jj/mm/aaaa) »
    Et la page a le champ « Adresse mail associée à votre compte ameli »
    Et la page affiche « Recopiez les caractères de l'image ou de l'extrait sonore »
    Et la page a le champ « Caractères lus ou entendus »
    Et la page affiche « * Champs obligatoires »
    Et la page propose « Recevoir le mail »
    Et la page propose « Retourner à la page de connexion »
    Quand je clique sur « Retourner à la page de connexion »
    Alors je suis sur la page de connexion

  @E2-FORMULAIRE
  Scénario: Une saisie manquante ou erronée est signalée à côté du champ
    Alors chacune de ces saisies est signalée à côté de son champ, sans effacer ce qui a été saisi ni envoyer de mail :
      | champ                                      | saisie                             |
      | Numéro de sécurité sociale                 | (rien)                             |
      | Numéro de sécurité sociale                 | « 1850A75123456 »                  |
      | Numéro de sécurité sociale                 | « 18507751234 »                    |
      | Numéro de sécurité sociale                 | (mon numéro avec une mauvaise clé) |
      | Date de naissance (jj/mm/aaaa)             | (rien)                             |
      | Date de naissance (jj/mm/aaaa)             | « 31/02/1990 »                     |
      | Date de naissance (jj/mm/aaaa)             | « 29/02/2023 »                     |
      | Date de naissance (jj/mm/aaaa)             | « 15/13/1990 »                     |
      | Date de naissance (jj/mm/aaaa)             | « 1990-02-01 »                     |
      | Date de naissance (jj/mm/aaaa)             | (la date de demain)                |
      | Adresse mail associée à votre compte ameli | (rien)                             |
      | Adresse mail associée à votre compte ameli | « prenom.nom.exemple.fr »          |
      | Adresse mail associée à votre compte ameli | « prenom.nom@ »                    |
    Quand je remplis à nouveau le formulaire et recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à »
    Et je reçois un seul mail, à l'adresse de mon compte
