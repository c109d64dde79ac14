# language: fr
Fonctionnalité: Étapes 2 et 3 – L'assuré demande le mail de renouvellement
  L'assuré renseigne son numéro de sécurité sociale, sa date de naissance
  et son adresse mail, recopie les caractères de l'image, puis clique sur
  « Recevoir le mail ». Il est invité à se rendre dans sa boîte mail.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée

  @E3-ENVOI
  Scénario: Une demande complète envoie le mail à l'adresse du compte
    Étant donné que je suis sur le formulaire « Mot de passe oublié »
    Quand je saisis mon numéro de sécurité sociale, ma date de naissance et mon adresse mail
    Et je recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à » suivi de mon adresse masquée
    Et la page affiche « Vous pouvez dès à présent vous connecter sur votre adresse mail pour continuer la procédure. »
    Et la page affiche « Vous n'avez plus accès à votre adresse mail ? Merci de contacter votre caisse au 3646. »
    Et la page propose « Retourner à la page de connexion »
    Et je reçois un seul mail, à l'adresse de mon compte
