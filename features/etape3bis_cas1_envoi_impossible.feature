# language: fr
Fonctionnalité: Étape 3bis, cas 1 – L'envoi du mail est impossible
  L'assuré n'a pas d'adresse mail, ou n'a pas validé son adresse mail : aucun mail
  de renouvellement ne peut lui être envoyé. Il est invité à contacter sa caisse.

  @E3BIS-1-SANS-MAIL
  Scénario: Un compte sans adresse mail
    Étant donné un assuré dont le compte ameli n'a pas d'adresse mail
    Et que je suis sur le formulaire « Mot de passe oublié »
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « L'envoi d'un mail pour renouveler votre mot de passe n'est pas possible. »
    Et la page affiche « Merci de contacter votre caisse au 36 46. »
    Et la page propose « Retourner à la page de connexion »
    Et aucun mail n'est envoyé
    Quand je clique sur « Retourner à la page de connexion »
    Alors je suis sur la page de connexion

  @E3BIS-1-SANS-MAIL
  Scénario: Un compte dont l'adresse mail n'a pas été validée
    Étant donné un assuré dont l'adresse mail n'est pas validée
    Et que je suis sur le formulaire « Mot de passe oublié »
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « L'envoi d'un mail pour renouveler votre mot de passe n'est pas possible. »
    Et la page affiche « Merci de contacter votre caisse au 36 46. »
    Et aucun mail n'est envoyé
